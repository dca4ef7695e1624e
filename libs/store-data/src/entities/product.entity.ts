import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CategoryEntity } from './category.entity.js';

@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn({ unsigned: true })
  id!: number;

  @Column({ type: 'mediumtext' })
  name!: string;

  @Column({ type: 'double' })
  price!: number;

  @ManyToMany(() => CategoryEntity)
  @JoinTable({
    name: 'product_categories',
    joinColumn: { name: 'product_id' },
    inverseJoinColumn: { name: 'category_id' },
  })
  categories!: CategoryEntity[];
}
