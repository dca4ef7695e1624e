import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@shopwire/contracts';

@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  /** As registered (the token's `sub`). */
  @Column({ type: 'varchar', length: 256 })
  email!: string;

  /** Lower-cased; unique. Lookups and uniqueness use this. */
  @Column({ name: 'email_normalised', type: 'varchar', length: 256 })
  emailNormalised!: string;

  @Column({ type: 'varchar', length: 256 })
  forename!: string;

  @Column({ type: 'varchar', length: 256 })
  surname!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'enum', enum: ['owner', 'customer', 'courier'] })
  role!: Role;

  /** Which registration of this email the account is (ADR 0017); carried in the token's `jti`. */
  @Column({ type: 'char', length: 28 })
  incarnation!: string;

  /** The hash last applied from OWNER_PASSWORD / OWNER_PASSWORD_HASH (seeded owners only). */
  @Column({ name: 'owner_seed_hash', type: 'varchar', length: 255, nullable: true })
  ownerSeedHash!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
