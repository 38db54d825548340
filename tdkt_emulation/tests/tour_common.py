import time
import unittest
from contextlib import contextmanager
from unittest.mock import patch

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

    @classmethod
    def setUpClass(cls):
        """The demo agency's Chief and units: the tours log in as demo users."""
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        ref = cls.env.ref
        cls.company = ref("base.main_company")
        cls.chief_employee = ref("tdkt_emulation.hr_employee_chief_demo")
        Unit = cls.env["tdkt.unit"]
        office_department = ref("tdkt_emulation.hr_department_office_demo")
        division = ref("tdkt_emulation.hr_department_division1_demo")
        cls.unit_office = Unit.search(
            [("department_ids", "in", office_department.ids)], limit=1
        )
        cls.unit_division = Unit.search(
            [("department_ids", "in", division.ids), ("id", "!=", cls.unit_office.id)],
            limit=1,
        )

    @contextmanager
    def capture_reports(self):
        """The reports rendered meanwhile: [(login, report_ref, res_ids,
        content)]; waits a moment for a download still on its way.

        In test mode Odoo answers a download with the report's HTML (a real
        PDF would need wkhtmltopdf to fetch assets from this very server).
        """
        report_model = type(self.env["ir.actions.report"])
        render = report_model._render_qweb_pdf
        rendered = []

        def spy(report, report_ref, res_ids=None, data=None):
            result = render(report, report_ref, res_ids, data)
            rendered.append(
                (report.env.user.login, report_ref, list(res_ids or []), result[0])
            )
            return result

        with patch.object(report_model, "_render_qweb_pdf", spy):
            yield rendered
            for _attempt in range(100):
                if rendered:
                    break
                time.sleep(0.2)

    def make_plan(self, name, tasks, year=2030, **task_vals):
        """A draft plan of the demo agency, signed by its Chief; ``tasks`` are
        (quarter, content, lead unit) triples, ``task_vals`` set on each."""
        return self.env["tdkt.plan"].create(
            {
                "name": name,
                "company_id": self.company.id,
                "year": year,
                "signer_id": self.chief_employee.id,
                "task_ids": [
                    (
                        0,
                        0,
                        {
                            "quarter": quarter,
                            "name": task,
                            "lead_unit_id": unit.id,
                            **task_vals,
                        },
                    )
                    for quarter, task, unit in tasks
                ],
            }
        )
