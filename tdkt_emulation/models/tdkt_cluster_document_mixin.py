from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .tdkt_official_document_mixin import GROUP_OFFICE, Transition

# Minutes of a cluster (cross-inspection, vote to honour): drafted, signed
# (numbered in the cluster's register), cancelled (with a reason once signed).
MINUTES_TRANSITIONS = (
    Transition(
        "issue",
        ("draft",),
        "issued",
        GROUP_OFFICE,
        "_tdkt_check_minutes",
        ("number", "date", "revision"),
    ),
    Transition("cancel", ("draft",), "cancelled", GROUP_OFFICE),
    Transition("cancel", ("issued",), "cancelled", GROUP_OFFICE, reason=True),
    Transition("reset", ("cancelled",), "draft", GROUP_OFFICE),
)


class TdktClusterDocumentMixin(models.AbstractModel):
    """An official document of a cluster (covenant, cross-inspection
    minutes, suy tôn minutes).

    Printed under the cluster's name, below its organiser; numbered in the
    cluster's own register of the year (not the agency's), its symbol ends
    with the cluster's own code (01/GƯ-CTĐ). It is run by the Office of the
    agency that keeps the cluster's records or of the year's head agency
    (the cluster's secretariat), whatever path calls it. A document sets
    ``cluster_id``, ``company_id`` and ``head_partner_id``.
    """

    _name = "tdkt.cluster.document.mixin"
    _inherit = ["tdkt.official.document.mixin"]
    _description = "Emulation Cluster Document"
    _tdkt_issue_group = GROUP_OFFICE
    _sql_constraints = [
        (
            "number_uniq",
            (
                "EXCLUDE USING btree (cluster_id WITH =, year WITH =, number WITH =) "
                "WHERE (number > 0)"
            ),
            (
                "Another paper of this type of the cluster already has this number "
                "in this year."
            ),
        ),
    ]

    # --- header and symbol: the cluster's ------------------------------------------
    def _tdkt_header_depends(self):
        return ["cluster_id", "cluster_id.name", "cluster_id.organiser_id"]

    @api.depends(lambda self: self._tdkt_header_depends())
    def _compute_header(self):
        for document in self:
            document.agency_name = document.cluster_id.name or False
            document.parent_agency_name = document.cluster_id.organiser_id.name or False

    def _tdkt_symbol_depends(self):
        return ["number", "cluster_id.code"]

    def _tdkt_symbol_code(self):
        """A cluster numbers its own papers under its code (…/GƯ-CTĐ)."""
        return self.cluster_id.code

    def _tdkt_register_scope(self):
        """The cluster's own register of the year, whichever agency keeps
        its records."""
        return {**super()._tdkt_register_scope(), "cluster_id": self.cluster_id.id}

    def _tdkt_number_taken_message(self):
        return self.env._(
            "The number %(number)s of %(year)s is already used by another paper "
            "of the cluster %(cluster)s.",
            number=self.document_number,
            year=self.year,
            cluster=self.cluster_id.name,
        )

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

    def _tdkt_check_members_of_year(self, members, year):
        """Every one of ``members`` belongs to the cluster in ``year``."""
        strangers = members.filtered(
            lambda m: m.cluster_id != self.cluster_id or m.year != year
        )
        if strangers:
            raise ValidationError(
                self.env._(
                    "%(agency)s is not a member of the cluster in %(year)s.",
                    agency=strangers[0].partner_id.name,
                    year=year,
                )
            )


class TdktClusterMinutesMixin(models.AbstractModel):
    """Minutes of a covenant's year (cross-inspection, vote to honour): they
    follow the covenant's cluster, agency, year and head."""

    _name = "tdkt.cluster.minutes.mixin"
    _inherit = ["tdkt.cluster.document.mixin"]
    _description = "Emulation Cluster Minutes"
    _tdkt_document_type = "BB"
    _tdkt_states = ("draft", "issued", "cancelled")
    _tdkt_signed_states = ("issued",)
    _tdkt_locked_states = ("issued", "cancelled")
    _tdkt_base_transitions = ()
    _tdkt_extra_transitions = MINUTES_TRANSITIONS

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, precompute=True
    )
    covenant_id = fields.Many2one(
        "tdkt.cluster.covenant", required=True, index=True, ondelete="restrict"
    )
    cluster_id = fields.Many2one(
        related="covenant_id.cluster_id", store=True, precompute=True
    )
    company_id = fields.Many2one(
        related="covenant_id.company_id", store=True, readonly=True, precompute=True
    )
    year = fields.Integer(related="covenant_id.year", store=True, precompute=True)
    head_partner_id = fields.Many2one(
        related="covenant_id.head_partner_id", store=True, string="Head Agency"
    )

    def _tdkt_check_minutes(self):
        """Readiness of the minutes before they are signed."""
