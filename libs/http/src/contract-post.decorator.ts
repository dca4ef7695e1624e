import { HttpCode, Post, applyDecorators } from '@nestjs/common';

/** POST that answers 200 on success (the contract never uses 201 or 204). */
export const ContractPost = (path: string) => applyDecorators(Post(path), HttpCode(200));
