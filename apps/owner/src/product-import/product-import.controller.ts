import { Controller, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ContractPost } from '@shopwire/http';
import { RequireRole } from '@shopwire/security';
import type { FastifyRequest } from 'fastify';
import { ProductImportService } from './product-import.service.js';
import { FILE_FIELD, readUploadedFile } from './read-upload.js';

@ApiTags('products')
@ApiBearerAuth()
@Controller()
export class ProductImportController {
  constructor(private readonly productImport: ProductImportService) {}

  @ContractPost('update')
  @RequireRole('owner')
  @ApiOperation({ summary: 'Add products in bulk from a CSV file (contract §3.1).' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [FILE_FIELD],
      properties: { [FILE_FIELD]: { type: 'string', format: 'binary', description: 'category|category,name,price' } },
    },
  })
  @ApiOkResponse({ description: 'Every product of the file was added (empty body).' })
  @ApiBadRequestResponse({
    description: 'The first failing check; nothing was added.',
    content: {
      'application/json': {
        examples: {
          missingFile: { value: { message: 'Field file is missing.' } },
          values: { value: { message: 'Incorrect number of values on line 0.' } },
          price: { value: { message: 'Incorrect price on line 2.' } },
          exists: { value: { message: 'Product Apple already exists.' } },
        },
      },
    },
  })
  @ApiUnauthorizedResponse({ schema: { example: { msg: 'Missing Authorization Header' } } })
  @ApiPayloadTooLargeResponse({ schema: { example: { message: 'Request body is too large.' } } })
  async update(@Req() request: FastifyRequest): Promise<void> {
    await this.productImport.importFile(await readUploadedFile(request));
  }
}
