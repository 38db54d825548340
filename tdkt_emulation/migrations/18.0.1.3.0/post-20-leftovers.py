"""A cluster's proposals to an organiser of this Odoo become that agency's
award proposals.

``tdkt.cluster.proposal`` is now only for an organiser outside this Odoo.
For an organiser of this Odoo, the lines of signed minutes become award
proposals in the member agencies' dossiers of the organiser (the decision
already recorded on a line is kept: approved, or rejected when it was cut);
the lines of minutes not yet signed are dropped: the proposals are made
from the result when the minutes are signed. Nothing is left in two
places.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

STATES = {"approved": "approved", "cut": "rejected"}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    lines = env["tdkt.cluster.proposal"].search([])
    lines = lines.filtered(lambda line: line.honour_id.organiser_company_id)
    Proposal = env["tdkt.award.proposal"]
    for line in lines.filtered(lambda line: line.honour_id.state == "issued"):
        honour = line.honour_id
        unit = env["tdkt.unit"]._tdkt_agency_units(
            honour.organiser_company_id, line.member_id
        )[line.member_id]
        proposal = Proposal.create(
            {
                "dossier_id": honour._tdkt_member_dossier(unit).id,
                "award_type_id": line.award_type_id.id,
                "nominee_unit_id": unit.id,
                "cluster_honour_id": honour.id,
                "achievement_summary": honour._tdkt_voted_summary(line.member_id),
            }
        )
        if line.state in STATES:
            proposal.write({"state": STATES[line.state]})
        if line.decision_note:
            proposal.message_post(body=line.decision_note)
    if lines:
        # The lines of signed minutes are locked for any user; the migration
        # removes what it moved (and the unsigned lines) directly.
        cr.execute(
            SQL("DELETE FROM tdkt_cluster_proposal WHERE id IN %s", tuple(lines.ids))
        )
        lines.invalidate_model()
