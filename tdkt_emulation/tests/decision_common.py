from datetime import date

from .proposal_common import TdktProposalCommon


class TdktDecisionCommon(TdktProposalCommon):
    """Approved 2024 proposals of the Office's unit, within the agency's
    authority (LĐTT, CSTĐCS, TTLĐTT, Giấy khen) and beyond it (CSTĐ tỉnh),
    and a helper making the Office's decision."""

    def approved(self, award, employee=None, dossier=None, user=None, **facts):
        proposal = self.propose(
            dossier or self.dossier(), award, employee, user=user, **facts
        )
        # sudo: the council's vote is another journey (its session closes
        # with the proposals approved); here they only need to be approved.
        proposal.sudo().write({"state": "approved"})
        return proposal

    def approved_set(self):
        """{key: proposal}: four within the authority, one beyond it."""
        dossier = self.dossier()
        return {
            "ldtt": self.approved(
                self.ldtt,
                self.staff_employee,
                dossier,
                performance_rating="htt",
                start_date=date(2020, 1, 1),
            ),
            "cstdcs": self.approved(
                self.cstdcs, self.head_employee, dossier, performance_rating="htxs"
            ),
            "ttldtt": self.approved(self.ttldtt, None, dossier),
            "giay_khen": self.approved(
                self.giay_khen_cn, self.office_employee, dossier
            ),
            "cstd_tinh": self.approved(
                self.cstd_tinh, self.head_employee, dossier, performance_rating="htxs"
            ),
        }

    def issued(self):
        """The Office's decision of the approved set, issued by the Chief."""
        proposals = self.approved_set()
        decision = self.decision()
        decision.action_take_approved()
        decision.with_user(self.chief).action_issue()
        return decision, proposals

    def decision(self, user=None, **vals):
        values = {
            "company_id": self.company.id,
            "year": 2024,
            "signer_id": self.chief_employee.id,
        }
        values.update(vals)
        return (
            self.env["tdkt.award.decision"]
            .with_user(user or self.office)
            .create(values)
        )
