import { Body, Controller, Inject, Ip } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Messages } from '@shopwire/contracts';
import { ContractPost, bodyObject } from '@shopwire/http';
import { ApiContractBadRequest, ApiContractTooManyRequests } from '../openapi/contract-responses.js';
import { LoginService, type LoginResponse } from './login.service.js';

/** Contract §2.2: public; any Authorization header is ignored. */
@ApiTags('accounts')
@Controller()
export class LoginController {
  constructor(@Inject(LoginService) private readonly loginService: LoginService) {}

  @ContractPost('login')
  @ApiOperation({ summary: 'Exchange email and password for an access token (HS256, one hour)' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        email: { type: 'string', example: 'onlymoney@gmail.com' },
        password: { type: 'string', example: 'evenmoremoney' },
      },
    },
  })
  @ApiOkResponse({
    description: 'Exactly {"accessToken"}; claims per contract §1.1.',
    schema: { type: 'object', required: ['accessToken'], properties: { accessToken: { type: 'string' } } },
  })
  @ApiContractBadRequest(
    Messages.fieldMissing('email'),
    Messages.fieldMissing('password'),
    Messages.invalidEmail,
    Messages.invalidCredentials,
  )
  @ApiContractTooManyRequests(Messages.tooManyLoginAttempts)
  login(@Body() body: unknown, @Ip() ip: string): Promise<LoginResponse> {
    return this.loginService.login(bodyObject(body), ip);
  }
}
