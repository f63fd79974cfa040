#ifndef BEARMON_CMARIADB_SHIM_H
#define BEARMON_CMARIADB_SHIM_H

/* libmariadb's C API (Debian's libmariadb-dev), for the MySQL store. Only non-variadic
 * functions are used: mysql_options() rather than mysql_optionsv(). */
#include <mysql.h>
#include <errmsg.h>

/* Error codes that mean the connection is gone and the whole transaction must be retried on a
 * new one (MYSQL_OPT_RECONNECT is never used: it would silently drop prepared statements and
 * open transactions). Named here because some live in mysqld_error.h, which the client headers
 * do not install. */
static inline int bm_mysql_is_connection_error(unsigned int code) {
    switch (code) {
    case 2002: /* CR_CONNECTION_ERROR */
    case 2003: /* CR_CONN_HOST_ERROR */
    case 2006: /* CR_SERVER_GONE_ERROR */
    case 2013: /* CR_SERVER_LOST */
    case 2026: /* CR_SSL_CONNECTION_ERROR */
    case 2055: /* CR_SERVER_LOST_EXTENDED */
    case 1053: /* ER_SERVER_SHUTDOWN */
    case 1927: /* ER_CONNECTION_KILLED */
    case 4031: /* ER_CLIENT_INTERACTION_TIMEOUT */
        return 1;
    default:
        return 0;
    }
}

#endif
