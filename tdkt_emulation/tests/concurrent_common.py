"""Real concurrent transactions on committed data (numbering, votes)."""

import threading

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase
from odoo.tests.common import get_db_name


class TdktConcurrentCase(BaseCase):
    """Not a TransactionCase: the data must be committed to be seen by the
    other transactions; each test removes what it committed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def run_threads(self, target, arguments):
        """Run ``target(barrier, *args)`` in one thread per ``arguments``,
        all at once (each waits on the barrier before it acts); returns the
        errors raised."""
        barrier = threading.Barrier(len(arguments))
        errors = []

        def run(*args):
            try:
                target(barrier, *args)
            except Exception as error:  # noqa: BLE001 - returned to the test
                errors.append(repr(error))

        threads = [threading.Thread(target=run, args=args) for args in arguments]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        return errors

    def run_at_once(self, user_id, model, ids, method):
        """Call ``method`` on each record of ``ids`` in its own thread and
        cursor, as ``user_id``, all at once: each reads its record first (so
        that every transaction starts before any acts), waits for the others,
        acts and commits. Returns the errors raised."""

        def act(barrier, res_id):
            with self.registry.cursor() as cr:
                record = api.Environment(cr, user_id, {})[model].browse(res_id)
                record.fetch(["state"])
                barrier.wait(timeout=60)
                getattr(record, method)()

        return self.run_threads(act, [(res_id,) for res_id in ids])

    @staticmethod
    def archive(cr, user_id, company_id):
        """Archived, not deleted: the user and the company keep references
        (partners, settings) that the ORM protects."""
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["res.users"].browse(user_id).active = False
        env["res.company"].browse(company_id).active = False
