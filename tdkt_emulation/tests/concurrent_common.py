"""Real concurrent transactions for the tests that need them."""

import threading

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

    def run_at_once(self, target, arguments):
        """Run ``target(barrier, *args)`` in one thread per ``arguments``,
        all at once (each waits on the barrier before its write); returns
        the errors raised."""
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
