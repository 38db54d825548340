import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

BALLOTS = [
    ("show_of_hands", "Show of Hands"),
    ("secret", "Secret Ballot"),
]
THRESHOLD_BASES = [
    ("members", "All Members of the Council"),
    ("present", "Members Present"),
]
ABSTENTIONS = [
    ("against", "Counts as Not Agreeing"),
    ("excluded", "Left out of the Denominator"),
]
WRITTEN_OPINIONS = [
    ("count", "Count as Votes"),
    ("ignore", "Ignored"),
]
TIES = [
    ("revote", "Re-vote"),
    ("fail", "The Proposal Fails"),
]
CHOICES = ("agree", "disagree", "abstain")
RESULTS = [
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("revote", "Tie: Re-vote"),
]
# Fields whose value decides a vote (not the label or the basis).
RULE_FIELDS = (
    "ballot",
    "quorum_percent",
    "threshold_percent",
    "threshold_base",
    "abstention",
    "written_opinions",
    "tie",
    "exclude_own_unit",
)


class TdktCouncilRule(models.Model):
    """How the council votes on an award type in a period.

    A rule names the council (or, empty, every council of its agency, or,
    without agency, every agency), the award types (empty: all) and the
    period it holds. For a proposal, the most specific rule valid on the
    session's date wins: a rule naming the award type over one for all
    types (an agency's general rule leaves the decree's rule of a title
    alone), then the council's over the agency's over the shipped ones.

    Shipped: the R1 rules of Decree 98/2023 art. 30 k7 (≥ 80 % / 90 % of
    all members) and a default marked as the agency's own regulation, to
    set in its council's working rules (no national threshold found for
    the other awards, nor for any award since 01/07/2025).
    """

    _name = "tdkt.council.rule"
    _description = "Council Voting Rule"
    _inherit = ["tdkt.access.mixin"]
    _order = "sequence, valid_from desc, id"
    _check_company_auto = True
    _tdkt_text_limits = {"name": 300, "basis": 2000}

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        help="The agency whose rule this is; empty: every agency.",
    )
    council_id = fields.Many2one(
        "tdkt.council",
        index=True,
        ondelete="cascade",
        check_company=True,
        help="The council whose rule this is; empty: every council of the agency.",
    )
    award_type_ids = fields.Many2many(
        "tdkt.award.type",
        string="Titles and Forms",
        help="The titles and forms the rule judges; empty: all of them.",
    )
    valid_from = fields.Date(help="First day the rule holds; empty: always.")
    valid_to = fields.Date(help="Last day the rule holds; empty: still in force.")
    ballot = fields.Selection(
        BALLOTS, string="Voting Method", required=True, default="show_of_hands"
    )
    quorum_percent = fields.Float(
        string="Quorum (% of All Members)",
        digits=(5, 2),
        required=True,
        default=50.0,
        help="The session is valid when at least this share of all the "
        "council's members is present, rounded up to a whole member.",
    )
    threshold_percent = fields.Float(
        string="Pass Threshold (%)",
        digits=(5, 2),
        required=True,
        default=50.0,
        help="A proposal passes when the members agreeing reach at least this "
        "share of the denominator.",
    )
    threshold_base = fields.Selection(
        THRESHOLD_BASES,
        string="Denominator",
        required=True,
        default="members",
    )
    abstention = fields.Selection(
        ABSTENTIONS, string="Abstentions", required=True, default="against"
    )
    written_opinions = fields.Selection(
        WRITTEN_OPINIONS,
        string="Written Opinions of Absent Members",
        required=True,
        default="count",
    )
    tie = fields.Selection(
        TIES,
        required=True,
        default="revote",
        help="As many members agreeing as not agreeing.",
    )
    exclude_own_unit = fields.Boolean(
        string="No Vote on One's Own Unit",
        help="A member does not vote on the proposal of the collective they "
        "work in (nobody ever votes on a proposal naming themselves).",
    )
    is_agency_regulation = fields.Boolean(
        string="Agency's Own Regulation",
        help="Set by the agency's working rules of its council, not by a "
        "national text: check it against them.",
    )
    basis = fields.Text(
        string="Legal Basis", help="The text the rule comes from, as cited."
    )

    @api.constrains("quorum_percent", "threshold_percent", "valid_from", "valid_to")
    def _check_values(self):
        for rule in self:
            for value in (rule.quorum_percent, rule.threshold_percent):
                if not 0 < value <= 100:
                    raise ValidationError(
                        self.env._(
                            "'%(rule)s': the quorum and the pass threshold are "
                            "shares between 0 and 100 %%.",
                            rule=rule.name,
                        )
                    )
            if rule.valid_from and rule.valid_to and rule.valid_to < rule.valid_from:
                raise ValidationError(
                    self.env._(
                        "'%(rule)s' ends before it starts.",
                        rule=rule.name,
                    )
                )

    @api.onchange("council_id")
    def _onchange_council_id(self):
        if self.council_id:
            self.company_id = self.council_id.company_id

    @api.model_create_multi
    def create(self, vals_list):
        self._tdkt_check_vals(vals_list)
        for vals in vals_list:
            if vals.get("council_id") and "company_id" not in vals:
                council = self.env["tdkt.council"].browse(vals["council_id"])
                vals["company_id"] = council.company_id.id
        return super().create(vals_list)

    def write(self, vals):
        self._tdkt_check_vals([vals])
        return super().write(vals)

    # --- which rule judges a proposal ----
    @api.model
    def _tdkt_rules_for(self, council, award_types, day):
        """The rule of each of ``award_types`` for ``council`` on ``day``:
        ``{award type id: rule}`` (types without a rule left out). One
        query whatever the number of types."""
        candidates = self.search(
            [
                ("company_id", "in", [council.company_id.id, False]),
                ("council_id", "in", [council.id, False]),
                "|",
                ("valid_from", "=", False),
                ("valid_from", "<=", day),
                "|",
                ("valid_to", "=", False),
                ("valid_to", ">=", day),
            ]
        )
        candidates = candidates.sorted(
            lambda r: (
                -bool(r.award_type_ids),
                -bool(r.council_id),
                -bool(r.company_id),
                r.sequence,
                r.id,
            )
        )
        rules = {}
        for award in award_types:
            for rule in candidates:
                if not rule.award_type_ids or award in rule.award_type_ids:
                    rules[award.id] = rule
                    break
        return rules

    # --- what a rule says ----
    def _tdkt_quorum(self, members):
        """The members who must be present, out of ``members``: the share
        rounded up to a whole member (a share typed to two decimals, e.g.
        66.67 % of 15 is 10)."""
        self.ensure_one()
        return math.ceil(round(members * self.quorum_percent / 100, 2))

    def _tdkt_judge(self, members, present, votes, written=None):
        """The result of one proposal under this rule.

        ``members``: all members of the council; ``present``: members
        present; ``votes`` and ``written``: counts ``{'agree': n,
        'disagree': n, 'abstain': n}`` of the votes cast in the session and
        of the written opinions of absent members. Returns the counts
        taken into account, the denominator, the percentages of those
        present and of all members, and ``result`` (approved, rejected or
        revote).
        """
        self.ensure_one()
        written = written if self.written_opinions == "count" else {}
        counted = {
            choice: votes.get(choice, 0) + (written or {}).get(choice, 0)
            for choice in CHOICES
        }
        voters_in_writing = sum((written or {}).get(choice, 0) for choice in CHOICES)
        base = members if self.threshold_base == "members" else present
        if self.threshold_base == "present":
            base += voters_in_writing
        if self.abstention == "excluded":
            base -= counted["abstain"]
        agree = counted["agree"]
        if base > 0 and agree * 2 == base:
            result = "revote" if self.tie == "revote" else "rejected"
        elif base > 0 and round(agree * 100 / base, 2) >= self.threshold_percent:
            result = "approved"
        else:
            result = "rejected"
        return {
            **counted,
            "base": base,
            "percent_present": round(agree * 100 / present, 2) if present else 0.0,
            "percent_members": round(agree * 100 / members, 2) if members else 0.0,
            "result": result,
        }
