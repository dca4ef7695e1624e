# Sourced by the image's entrypoint on the bootstrap node's first start (/docker-entrypoint-initdb.d),
# after it created shopwire_store and its user. Adds what one cluster serving both sides needs:
# the auth database with its own user (privileges on shopwire_auth only, as in the base compose),
# and the account the health checks log in with (no privilege: it reads wsrep status only).
# Replicated to every node by the state transfer.
mariadb --protocol=socket --socket="$SOCKET" -uroot --password="$root_password" <<SQL
CREATE DATABASE IF NOT EXISTS shopwire_auth;
CREATE USER 'shopwire_auth'@'%' IDENTIFIED BY $(sql_string "$AUTH_DB_PASSWORD");
GRANT ALL ON shopwire_auth.* TO 'shopwire_auth'@'%';
CREATE USER 'galera_check'@'%' IDENTIFIED BY $(sql_string "$GALERA_CHECK_PASSWORD");
FLUSH PRIVILEGES;
SQL
