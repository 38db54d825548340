import unittest

from odoo.tests import HttpCase


class TdktTourCase(HttpCase):
    """Browser tours that fail, rather than skip, when the browser cannot run.

    Odoo skips a tour when Chromium or websocket-client is missing or Chromium
    does not start: the suite would then look green with no journey checked.
    scripts/setup.sh installs both.
    """

    def browser_js(self, *args, **kwargs):
        try:
            return super().browser_js(*args, **kwargs)
        except unittest.SkipTest as skip:
            raise AssertionError(
                f"the browser tour could not run: {skip} "
                "(scripts/setup.sh installs Chromium and websocket-client)"
            ) from skip
