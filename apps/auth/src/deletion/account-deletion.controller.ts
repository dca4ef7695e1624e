import { Controller, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Messages, type AccessTokenClaims } from '@shopwire/contracts';
import { ContractPost } from '@shopwire/http';
import { Claims, RequireRole } from '@shopwire/security';
import { ApiContractBadRequest, ApiContractUnauthorized } from '../openapi/contract-responses.js';
import { AccountDeletionService } from './account-deletion.service.js';

/** Contract §2.3: any role may delete its own account; the body is ignored. */
@ApiTags('accounts')
@Controller()
export class AccountDeletionController {
  constructor(@Inject(AccountDeletionService) private readonly deletion: AccountDeletionService) {}

  @ContractPost('delete')
  @RequireRole('owner', 'customer', 'courier')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Delete the token subject's account" })
  @ApiOkResponse({ description: 'Account removed; empty body.' })
  @ApiContractUnauthorized()
  @ApiContractBadRequest(Messages.unknownUser)
  async delete(@Claims() claims: AccessTokenClaims): Promise<void> {
    await this.deletion.deleteAccount(claims.sub);
  }
}
