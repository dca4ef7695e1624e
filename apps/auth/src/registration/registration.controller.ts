import { Body, Controller, Inject, Ip, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Messages } from '@shopwire/contracts';
import { ContractPost, bodyObject } from '@shopwire/http';
import { ApiContractBadRequest, ApiContractTooManyRequests } from '../openapi/contract-responses.js';
import { RegistrationService } from './registration.service.js';

const registrationBody = {
  schema: {
    type: 'object',
    properties: {
      forename: { type: 'string', maxLength: 256, example: 'Ana' },
      surname: { type: 'string', maxLength: 256, example: 'Petrovic' },
      email: { type: 'string', maxLength: 256, example: 'ana@example.org' },
      password: { type: 'string', minLength: 8, maxLength: 256, example: 's3cretPass' },
    },
  },
};

/** The OpenAPI description both registration endpoints share. */
const RegistrationDocs = () =>
  applyDecorators(
    ApiBody(registrationBody),
    ApiOkResponse({ description: 'Account created; empty body.' }),
    ApiContractBadRequest(
      Messages.fieldMissing('forename'),
      Messages.fieldMissing('surname'),
      Messages.fieldMissing('email'),
      Messages.fieldMissing('password'),
      Messages.invalidEmail,
      Messages.invalidPassword,
      Messages.emailExists,
    ),
    ApiContractTooManyRequests(Messages.tooManyRegistrations),
  );

/** Contract §2.1: public; any Authorization header is ignored. */
@ApiTags('accounts')
@Controller()
export class RegistrationController {
  constructor(@Inject(RegistrationService) private readonly registration: RegistrationService) {}

  @ContractPost('register_customer')
  @ApiOperation({ summary: 'Register a customer account' })
  @RegistrationDocs()
  async registerCustomer(@Body() body: unknown, @Ip() ip: string): Promise<void> {
    await this.registration.register(bodyObject(body), 'customer', ip);
  }

  @ContractPost('register_courier')
  @ApiOperation({ summary: 'Register a courier account' })
  @RegistrationDocs()
  async registerCourier(@Body() body: unknown, @Ip() ip: string): Promise<void> {
    await this.registration.register(bodyObject(body), 'courier', ip);
  }
}
