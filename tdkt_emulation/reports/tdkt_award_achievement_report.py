from odoo import api, models


class ReportTdktAwardAchievement(models.AbstractModel):
    """A person's achievement report, printed from their proposal."""

    _name = "report.tdkt_emulation.report_tdkt_award_achievement"
    _description = "Achievement Report (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        proposals = self.env["tdkt.award.proposal"].browse(docids)
        proposals.check_access("read")
        for proposal in proposals:
            # Refused before rendering: a collective has no personal report.
            proposal.dossier_id._tdkt_achievement_report(proposal)
        return {
            "doc_ids": docids,
            "doc_model": "tdkt.award.proposal",
            "docs": proposals,
        }
