import type { DynamicModule } from '@nestjs/common';
import { DatabaseModule, pingDatabase } from '@shopwire/database';
import { HealthModule, type ReadinessCheck } from '@shopwire/observability';
import { SecurityModule } from '@shopwire/security';
import type { DataSource } from 'typeorm';

export interface PlatformModuleOptions {
  jwtSecret: string;
  dataSource: DataSource;
  /** Readiness checks besides the database (e.g. Redis). */
  extraReadinessChecks?: ReadinessCheck[];
}

/**
 * The modules every HTTP service imports: its database, the role guard,
 * `/health/*` (database + extra checks) and `/metrics`.
 */
export function platformModules(options: PlatformModuleOptions): DynamicModule[] {
  const { dataSource } = options;
  return [
    DatabaseModule.forDataSource(dataSource),
    SecurityModule.forRoot(options.jwtSecret),
    HealthModule.forRoot({
      useFactory: () => [
        { name: 'database', check: () => pingDatabase(dataSource) },
        ...(options.extraReadinessChecks ?? []),
      ],
    }),
  ];
}
