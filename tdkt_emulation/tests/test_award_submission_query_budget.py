"""Query budgets of the submission upward: taking the proposals of a
session and printing the submission with its attached list cost the same
for 5 lines as for 50. Budgets count queries, never time."""

from datetime import datetime

from odoo.tests import tagged, users, warmup

from .submission_common import TdktSubmissionCommon

SMALL, LARGE = 5, 50
# The submission, the proposals other submissions hold, the session's
# approved ones (one batch), their titles; the lines in one insert and their
# checks.
TAKE_BUDGET = {"t_office": 10}
# The report's HTML: the submission, its lines (one batch), their titles and
# units, the recipients, legal bases, the session, its minutes (cited once
# issued) and the layout.
PRINT_BUDGET = {"t_office": 15, "t_staff": 15}


@tagged("post_install", "-at_install")
class TestAwardSubmissionQueryBudget(TdktSubmissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sessions = {
            size: cls._approved_session(size, "a") for size in (SMALL, LARGE)
        }
        cls.printed = {}
        for size in (SMALL, LARGE):
            submission = cls.env["tdkt.award.submission"].create(
                {
                    "company_id": cls.company.id,
                    "year": 2024,
                    "council_session_id": cls._approved_session(size, "b").id,
                    "signer_id": cls.chief_employee.id,
                    "legal_basis_ids": [(0, 0, {"name": "Luật Thi đua, Khen thưởng"})],
                    "recipient_ids": [(0, 0, {"name": "Lưu: VT, VP."})],
                }
            )
            submission.action_take_proposals()
            cls.printed[size] = submission
        cls.env.flush_all()

    @classmethod
    def _approved_session(cls, size, tag):
        """A closed session that approved ``size`` proposals beyond the
        agency's authority, of a new unit's people."""
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        unit, employees = cls.staffed_unit(env, size, tag)
        dossier = env["tdkt.award.dossier"].create(
            {"company_id": cls.company.id, "year": 2024, "unit_id": unit.id}
        )
        session = env["tdkt.council.session"].create(
            {
                "council_id": cls.council_record.id,
                "date": datetime(2024, 12, 20, 2, 0),
                "state": "closed",
            }
        )
        awards = (cls.cstd_tinh, cls.bang_khen_cn)
        env["tdkt.award.proposal"].create(
            [
                {
                    "dossier_id": dossier.id,
                    "award_type_id": awards[index % 2].id,
                    "employee_id": employee.id,
                    "performance_rating": "htxs",
                }
                for index, employee in enumerate(employees)
            ]
        ).write({"state": "approved", "council_session_id": session.id})
        return session

    @users("t_office")
    @warmup
    def test_take_proposals(self):
        submissions = {
            size: self.submission(self.sessions[size]).with_env(self.env)
            for size in (SMALL, LARGE)
        }
        self.assert_same_budget(
            TAKE_BUDGET,
            [
                (size, submissions[size].action_take_proposals)
                for size in (SMALL, LARGE)
            ],
        )
        self.assertEqual(len(submissions[LARGE].line_ids), LARGE)

    @users("t_office", "t_staff")
    @warmup
    def test_print(self):
        Report = self.env["ir.actions.report"]
        submissions = {
            size: self.printed[size].with_env(self.env) for size in (SMALL, LARGE)
        }
        self.assert_same_budget(
            PRINT_BUDGET,
            [
                (
                    size,
                    lambda s=submissions[size]: Report._render_qweb_html(
                        "tdkt_emulation.action_report_tdkt_award_submission", s.ids
                    ),
                )
                for size in (SMALL, LARGE)
            ],
        )
