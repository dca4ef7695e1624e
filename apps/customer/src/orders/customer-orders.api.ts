import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the customer order endpoints (documentation only; validation is by hand). */
export class OrderRequestDoc {
  @ApiProperty({ example: 1, description: 'Product id (positive integer).' })
  id!: number;

  @ApiProperty({ example: 2, description: 'Quantity (positive integer).' })
  quantity!: number;
}

export class GeoPointDoc {
  @ApiProperty({ example: 44.8125, description: 'Latitude, −90..90.' })
  lat!: number;

  @ApiProperty({ example: 20.4612, description: 'Longitude, −180..180.' })
  lng!: number;
}

export class DeliveryAddressDoc {
  @ApiProperty({ example: 'Knez Mihailova 5', description: 'Street and number; 1–200 characters after trimming.' })
  street!: string;

  @ApiProperty({ required: false, nullable: true, example: '3rd floor, door 12', description: 'Up to 200 characters.' })
  details?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    example: '+381 64 123 4567',
    description: 'Digits, spaces, ( ) . / - and a leading +; 3–20 digits, up to 32 characters.',
  })
  phone?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    example: 'Ring twice',
    description: 'Up to 500 characters; line feeds allowed.',
  })
  note?: string | null;
}

export class PlaceOrderBodyDoc {
  @ApiProperty({ type: [OrderRequestDoc] })
  requests!: OrderRequestDoc[];

  @ApiProperty({
    type: GeoPointDoc,
    required: false,
    description:
      'Optional destination (additive). Checked after every contract check: 400 "Invalid delivery location.".',
  })
  deliveryLocation?: GeoPointDoc;

  @ApiProperty({
    type: DeliveryAddressDoc,
    required: false,
    nullable: true,
    description:
      'Optional address (additive, issue 20), checked after the location: 400 "Invalid delivery address.", ' +
      '"Field street is missing.", "Invalid street.", "Invalid details.", "Invalid phone.", "Invalid note." (docs/api.md).',
  })
  deliveryAddress?: DeliveryAddressDoc | null;
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

  @ApiProperty({ type: GeoPointDoc, required: false, description: 'Only on orders placed with a delivery location.' })
  deliveryLocation?: GeoPointDoc;
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
