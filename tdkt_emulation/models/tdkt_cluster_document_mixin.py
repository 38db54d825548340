from odoo import api, models
from odoo.exceptions import AccessError

from .tdkt_official_document_mixin import GROUP_OFFICE


class TdktClusterDocumentMixin(models.AbstractModel):
    """An official document of a cluster (covenant, cross-inspection
    minutes, suy tôn minutes).

    Printed under the cluster's name, below its organiser; its symbol ends
    with the cluster's own code (…/GƯ-CTĐ). It is run by the Office of the
    agency that keeps the cluster's records or of the year's head agency
    (the cluster's secretariat), whatever path calls it. A document sets
    ``cluster_id``, ``company_id`` and ``head_partner_id``.
    """

    _name = "tdkt.cluster.document.mixin"
    _inherit = ["tdkt.official.document.mixin"]
    _description = "Emulation Cluster Document"
    _tdkt_issue_group = GROUP_OFFICE

    # --- header and symbol: the cluster's ------------------------------------------
    def _tdkt_header_depends(self):
        return ["cluster_id", "cluster_id.name", "cluster_id.organiser_id"]

    @api.depends(lambda self: self._tdkt_header_depends())
    def _compute_header(self):
        for document in self:
            document.agency_name = document.cluster_id.name or False
            document.parent_agency_name = document.cluster_id.organiser_id.name or False

    @api.depends("number", "cluster_id.code")
    def _compute_symbol(self):
        """A cluster numbers its own papers under its code (…/GƯ-CTĐ)."""
        for document in self:
            code = document.cluster_id.code
            kind = document._tdkt_document_type
            document.symbol = f"{kind}-{code}" if code else kind
            document.document_number = (
                document._tdkt_format_number(document.number)
                if document.number
                else f"/{document.symbol}"
            )

    def _tdkt_print_number(self):
        """The cluster's papers here carry no number of an agency's register."""
        return ""

    # --- who runs them -------------------------------------------------------------
    def _tdkt_is_manager(self):
        """The Office of the agency that keeps the cluster's records, or of
        the head agency of the year."""
        self.ensure_one()
        user = self.env.user
        if self.env.su:
            return True
        if not user.has_group(GROUP_OFFICE):
            return False
        return (
            self.company_id in user.company_ids
            or self.head_partner_id in user.company_ids.partner_id
        )

    def _tdkt_check_manager(self, action):
        for document in self:
            if not document._tdkt_is_manager():
                raise AccessError(
                    self.env._(
                        "Only the Office of the agency that keeps the cluster's "
                        "records or of the head agency may %(action)s "
                        "'%(document)s'.",
                        action=action,
                        document=document.display_name,
                    )
                )

    def _tdkt_check_move(self, action):
        row = super()._tdkt_check_move(action)
        self._tdkt_check_manager(self._tdkt_action_label(action))
        return row

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        documents._tdkt_check_manager(self.env._("draft"))
        return documents

    def write(self, vals):
        self._tdkt_check_manager(self.env._("change"))
        return super().write(vals)

    def _tdkt_print_points(self, points):
        """Points as the tables print them: '10', '2,5'."""
        text = f"{points or 0.0:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
