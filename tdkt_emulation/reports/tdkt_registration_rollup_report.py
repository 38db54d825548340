from odoo import api, models


class ReportTdktRegistrationRollup(models.AbstractModel):
    """The Office's roll-up of a movement's registrations, as a PDF."""

    _name = "report.tdkt_emulation.report_tdkt_registration_rollup"
    _description = "Registration Roll-up (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        movements = self.env["tdkt.movement"].browse(docids)
        movements._tdkt_check_rollup_access()
        return {
            "doc_ids": docids,
            "doc_model": "tdkt.movement",
            "docs": movements,
        }
