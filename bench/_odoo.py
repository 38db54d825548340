"""Open an Odoo environment on a database from a plain Python script.

Used by the benchmark scripts; run them with PYTHONPATH pointing at the Odoo
18 source tree (the Makefile targets do).
"""

import contextlib

import odoo
from odoo.tools import config


def init(conf, database):
    config.parse_config(["-c", conf, "-d", database, "--log-level=warn"])
    odoo.netsvc.init_logger()
    return odoo.modules.registry.Registry(database)


@contextlib.contextmanager
def environment(registry, uid=odoo.SUPERUSER_ID, context=None):
    """A superuser environment in a transaction, committed at the end."""
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, uid, dict(context or {}))
