from .council_common import TdktCouncilCommon


class TdktSubmissionCommon(TdktCouncilCommon):
    """A closed session of the 2024 council and helpers to bring proposals
    to it, approved, and to submit them upward."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.bang_khen_tt = ref("tdkt_emulation.tdkt_award_type_bang_khen_bo_tinh_tt")
        cls.bang_khen_ttcp_cn = ref(
            "tdkt_emulation.tdkt_award_type_bang_khen_tong_ttcp_cn"
        )

    def closed_session(self, **vals):
        session = self.session(**vals)
        # sudo: opening needs an agenda, its rules and a quorum (the
        # council's journey, tested there); here the session only needs to
        # be closed.
        session.sudo().write({"state": "closed"})
        return session

    def approved(self, session, dossier, award, employee=None, **facts):
        proposal = self.propose(dossier, award, employee, **facts)
        # sudo: the council's votes (agenda, ballots, tally) are another
        # branch's journey; here the proposal only needs to be approved at
        # ``session``.
        proposal.sudo().write(
            {"state": "approved", "council_session_id": session.id or False}
        )
        return proposal

    def submission(self, session=None, user=None, **vals):
        values = {
            "company_id": self.company.id,
            "year": 2024,
            "council_session_id": session.id if session else False,
            "signer_id": self.chief_employee.id,
            "legal_basis_ids": [
                (0, 0, {"sequence": 1, "name": "Luật Thi đua, Khen thưởng năm 2022"}),
                (0, 0, {"sequence": 2, "name": "Nghị định số 98/2023/NĐ-CP"}),
            ],
            "recipient_ids": [
                (0, 0, {"name": "Như trên"}),
                (0, 0, {"name": "Lưu: VT, VP."}),
            ],
        }
        values.update(vals)
        return (
            self.env["tdkt.award.submission"]
            .with_user(user or self.office)
            .create(values)
        )
