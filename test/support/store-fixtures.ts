import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseMysqlUrl } from '@shopwire/database';
import { InvalidOrderIdError, OrderingModule, OrderTransitionsService, PlaceOrder } from '@shopwire/ordering';
import { openStoreDatabase } from '@shopwire/store-data';
import mysql, { type Pool, type PoolConnection, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';

export interface ProductSpec {
  name: string;
  price: number;
  categories: string[];
}

export interface ItemSpec {
  productId: number;
  quantity: number;
}

interface OrderServices {
  dataSource: DataSource;
  context: INestApplicationContext;
  placement: PlaceOrder;
  transitions: OrderTransitionsService;
}

/**
 * Writes the store for tests and benchmarks of the statistics without the other services: orders
 * and their transitions through the customer and courier apps' own path (`OrderingModule`: one
 * event per transition, in the transition's transaction, published after commit on the
 * order-events channel of `redisUrl`);
 * products straight into the tables, as bulk seeding.
 */
export class StoreFixtures {
  private services?: Promise<OrderServices>;

  private constructor(
    readonly pool: Pool,
    private readonly databaseUrl: string,
    private readonly redisUrl: string,
  ) {}

  /** `redisUrl`: where the services publish; a worker on another Redis hears nothing of these orders. */
  static open(databaseUrl: string, redisUrl = 'redis://127.0.0.1:6379'): StoreFixtures {
    const { host, port, user, password, database } = parseMysqlUrl(databaseUrl);
    const pool = mysql.createPool({ host, port, user, password, database, connectionLimit: 4, timezone: 'Z' });
    return new StoreFixtures(pool, databaseUrl, redisUrl);
  }

  async close(): Promise<void> {
    await this.pool.end();
    const services = await this.services?.catch(() => undefined);
    await services?.context.close();
    await services?.dataSource.destroy();
  }

  /** The ordering services on a connection of their own, opened on first use. */
  private orderServices(): Promise<OrderServices> {
    this.services ??= openStoreDatabase(this.databaseUrl, 4).then(async (dataSource) => {
      @Global()
      @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
      class StoreDatabase {}
      @Module({ imports: [StoreDatabase, OrderingModule.forRoot({ redisUrl: this.redisUrl })] })
      class Ordering {}
      const context = await NestFactory.createApplicationContext(Ordering, { logger: false });
      return {
        dataSource,
        context,
        placement: context.get(PlaceOrder),
        transitions: context.get(OrderTransitionsService),
      };
    });
    return this.services;
  }

  /** Like `/update`: products with their categories, categories created on first use. */
  async importProducts(products: ProductSpec[]): Promise<number[]> {
    return this.transaction(async (db) => {
      const ids: number[] = [];
      for (const product of products) {
        const [inserted] = await db.query<ResultSetHeader>('INSERT INTO products (name, price) VALUES (?, ?)', [
          product.name,
          product.price,
        ]);
        for (const category of new Set(product.categories)) {
          await db.query('INSERT IGNORE INTO categories (name) VALUES (?)', [category]);
          await db.query(
            `INSERT INTO product_categories (product_id, category_id)
             SELECT ?, id FROM categories WHERE name_hash = UNHEX(SHA2(?, 256))`,
            [inserted.insertId, category],
          );
        }
        ids.push(inserted.insertId);
      }
      return ids;
    });
  }

  /** `POST /order`'s service: order CREATED + items + CREATED event in one transaction. */
  async placeOrder(customerEmail: string, items: ItemSpec[]): Promise<number> {
    const requests = items.map((item) => ({ id: item.productId, quantity: item.quantity }));
    return (await (await this.orderServices()).placement.place(customerEmail, '', { requests }, undefined)).id;
  }

  /** `POST /pick_up_order`'s service: CREATED → PENDING if still CREATED; false otherwise. */
  async pickUp(orderId: number, courierEmail: string): Promise<boolean> {
    const { transitions } = await this.orderServices();
    return this.transition(() => transitions.pickUp(orderId, courierEmail));
  }

  /** `POST /delivered`'s service: PENDING → COMPLETE for the owning customer; false otherwise. */
  async deliver(orderId: number, customerEmail: string): Promise<boolean> {
    const { transitions } = await this.orderServices();
    return this.transition(() => transitions.confirmDelivery(orderId, customerEmail));
  }

  /** How many events are still waiting for the worker. */
  async unappliedEvents(): Promise<number> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM order_events WHERE stats_applied = 0',
    );
    return Number(rows[0].n);
  }

  private async transition(run: () => Promise<void>): Promise<boolean> {
    try {
      await run();
    } catch (error) {
      if (error instanceof InvalidOrderIdError) return false;
      throw error;
    }
    return true;
  }

  private async transaction<T>(work: (db: PoolConnection) => Promise<T>): Promise<T> {
    const db = await this.pool.getConnection();
    try {
      await db.beginTransaction();
      const result = await work(db);
      await db.commit();
      return result;
    } catch (error) {
      await db.rollback();
      throw error;
    } finally {
      db.release();
    }
  }
}
