/** The project the language-feature protocol tests open (a Dockerfile, a Compose project across three files). */
export const DOCKERFILE = [
  'FROM node:20 AS build', //            0
  'ARG PORT=3000', //                    1
  'ENV APP_PORT=$PORT', //               2
  'RUN npm ci \\', //                    3
  '  && npm run build', //               4
  '', //                                 5
  'FROM node:20-slim', //                6
  'COPY --from=build /app /app', //      7
  'CMD node /app/server.js', //          8
  '',
].join('\n');

export const COMPOSE = [
  'include:', //                          0
  '  - extra/compose.yaml', //            1
  'services:', //                         2
  '  web:', //                            3
  '    build:', //                        4
  '      context: .', //                  5
  '      target: build', //               6
  '    env_file: .env', //                7
  '    depends_on:', //                   8
  '      db:', //                         9
  '        condition: service_healthy', // 10
  '      cache:', //                      11
  '        condition: service_started', // 12
  '    networks:', //                     13
  '      - back', //                      14
  '    volumes:', //                      15
  '      - ./data:/data', //              16
  '      - dbdata:/var/lib/x', //         17
  '  db:', //                             18
  '    extends:', //                      19
  '      file: base.yaml', //             20
  '      service: database', //           21
  '    healthcheck:', //                  22
  '      test: ["CMD", "pg_isready"]', // 23
  'networks:', //                         24
  '  back: {}', //                        25
  'volumes:', //                          26
  '  dbdata:', //                         27
  '',
].join('\n');

export const EXTRA = 'services:\n  cache:\n    image: redis:7\n';
export const BASE = 'services:\n  database:\n    image: postgres:16\n';
