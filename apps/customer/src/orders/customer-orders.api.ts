import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the customer order endpoints (documentation only; validation is by hand). */
export class OrderRequestDoc {
  @ApiProperty({ example: 1, description: 'Product id (positive integer).' })
  id!: number;

  @ApiProperty({ example: 2, description: 'Quantity (positive integer).' })
  quantity!: number;
}

export class PlaceOrderBodyDoc {
  @ApiProperty({ type: [OrderRequestDoc] })
  requests!: OrderRequestDoc[];
}

export class PlacedOrderDoc {
  @ApiProperty({ example: 42 })
  id!: number;
}

export class OrderItemDoc {
  @ApiProperty({ type: [String], example: ['Fruit', 'Organic'] })
  categories!: string[];

  @ApiProperty({ example: 'Apple' })
  name!: string;

  @ApiProperty({ example: 1.25, description: 'Unit price.' })
  price!: number;

  @ApiProperty({ example: 4 })
  quantity!: number;
}

export class CustomerOrderDoc {
  @ApiProperty({ type: [OrderItemDoc] })
  products!: OrderItemDoc[];

  @ApiProperty({ example: 5.0, description: 'Order total.' })
  price!: number;

  @ApiProperty({ enum: ['CREATED', 'PENDING', 'COMPLETE'] })
  status!: string;

  @ApiProperty({ example: '2024-03-01T09:15:42Z' })
  timestamp!: string;
}

export class OrderStatusDoc {
  @ApiProperty({ type: [CustomerOrderDoc], description: 'Oldest first.' })
  orders!: CustomerOrderDoc[];
}

export class OrderIdBodyDoc {
  @ApiProperty({ example: 5 })
  id!: number;
}

export class MessageDoc {
  @ApiProperty({ example: 'Invalid order id.' })
  message!: string;
}
