"""Start Odoo like odoo-bin, without the gevent (websocket) process.

The load test only speaks JSON-RPC over HTTP.  In prefork mode the master
also spawns a gevent process for the bus; in this virtualenv that process
dies at start (pkg_resources cannot resolve gevent's plugin requirement
zope.interface) and the master respawns it in a loop, which would eat a core
of the machine under test.  So the spawn is switched off here, for the load
test only.
"""

import sys

import odoo
from odoo.service import server

server.PreforkServer.long_polling_spawn = lambda self: None

if __name__ == "__main__":
    sys.exit(odoo.cli.main())
