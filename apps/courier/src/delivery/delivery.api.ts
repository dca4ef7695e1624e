import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the courier endpoints (documentation only; validation is by hand). */
export class OrderToDeliverDoc {
  @ApiProperty({ example: 4 })
  id!: number;

  @ApiProperty({ example: 'ana@example.org' })
  email!: string;
}

export class OrdersToDeliverDoc {
  @ApiProperty({ type: [OrderToDeliverDoc], description: 'CREATED orders, ascending id.' })
  orders!: OrderToDeliverDoc[];
}

export class PickUpBodyDoc {
  @ApiProperty({ example: 4 })
  id!: number;
}

export class MessageDoc {
  @ApiProperty({ example: 'Invalid order id.' })
  message!: string;
}
