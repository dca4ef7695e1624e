import { Body, Controller, Inject, Ip } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Messages, type AccessTokenClaims } from '@shopwire/contracts';
import { ContractPost, bodyObject } from '@shopwire/http';
import { Claims, RequireRole } from '@shopwire/security';
import {
  ApiContractBadRequest,
  ApiContractTooManyRequests,
  ApiContractUnauthorized,
} from '../openapi/contract-responses.js';
import { ChangePasswordService } from './change-password.service.js';

/** Additive to the contract (docs/api.md): any role changes its own password. */
@ApiTags('accounts')
@Controller()
export class ChangePasswordController {
  constructor(@Inject(ChangePasswordService) private readonly service: ChangePasswordService) {}

  @ContractPost('change_password')
  @RequireRole('owner', 'customer', 'courier')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change the token subject's password (tokens already issued stay valid until exp)" })
  @ApiBody({
    schema: {
      type: 'object',
      properties: { password: { type: 'string' }, newPassword: { type: 'string', minLength: 8, maxLength: 256 } },
    },
  })
  @ApiOkResponse({ description: 'Changed; empty body.' })
  @ApiContractUnauthorized()
  @ApiContractBadRequest(
    Messages.fieldMissing('password'),
    Messages.fieldMissing('newPassword'),
    Messages.invalidNewPassword,
    Messages.unknownUser,
    Messages.invalidCredentials,
  )
  @ApiContractTooManyRequests(Messages.tooManyLoginAttempts)
  async changePassword(@Claims() claims: AccessTokenClaims, @Body() body: unknown, @Ip() ip: string): Promise<void> {
    await this.service.changePassword(claims.sub, bodyObject(body), ip);
  }
}
