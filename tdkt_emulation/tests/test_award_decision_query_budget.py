"""Query budgets of the award decision: its printout (the QWeb rendering
under the PDF, annex included) and its form cost the same for 5 awards as
for 50. Budgets count queries, never time."""

from freezegun import freeze_time

from odoo.tests import tagged, users, warmup

from .decision_common import TdktDecisionCommon
from .webclient import form_spec, load_form

SMALL, LARGE = 5, 50
DECISION_PDF = "tdkt_emulation.action_report_tdkt_award_decision"
# Printout: the decision, its lines, proposals, titles, bases, recipients,
# the base salary, the report and its paper format.
PRINT_BUDGET = {"t_office": 13, "t_chief": 13}
# Form: the decision and its lines, bases and recipients (one batch each).
FORM_BUDGET = {"t_office": 11, "t_chief": 11}


@tagged("post_install", "-at_install")
@freeze_time("2025-01-15")
class TestAwardDecisionQueryBudget(TdktDecisionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.decisions = {}
        for size in (SMALL, LARGE):
            employees = env["hr.employee"].create(
                [
                    {
                        "name": f"Cán bộ {size}-{index:03d}",
                        "job_title": "Thanh tra viên",
                        "company_id": cls.company.id,
                        "department_id": cls.dep_office.id,
                    }
                    for index in range(size)
                ]
            )
            dossier = env["tdkt.award.dossier"].create(
                {
                    "company_id": cls.company.id,
                    "year": 2024,
                    "unit_id": cls.unit_office.id,
                }
            )
            proposals = env["tdkt.award.proposal"].create(
                [
                    {
                        "dossier_id": dossier.id,
                        "award_type_id": (cls.ldtt, cls.giay_khen_cn)[index % 2].id,
                        "employee_id": employee.id,
                    }
                    for index, employee in enumerate(employees)
                ]
            )
            # The council's vote is another journey: approved here directly.
            proposals.write({"state": "approved"})
            decision = env["tdkt.award.decision"].create(
                {
                    "company_id": cls.company.id,
                    "year": 2024,
                    "signer_id": cls.chief_employee.id,
                }
            )
            env["tdkt.award.decision.line"].create(
                [
                    {"decision_id": decision.id, "proposal_id": proposal.id}
                    for proposal in proposals
                ]
            )
            cls.decisions[size] = decision
        cls.env.flush_all()

    def assert_same_budget(self, budget, load):
        for size in (SMALL, LARGE):
            with self.subTest(awards=size):
                self.env.invalidate_all()
                with self.assertQueryCount(**budget):
                    load(self.decisions[size].with_env(self.env))

    def test_data_set(self):
        self.assertEqual(len(self.decisions[LARGE].line_ids), LARGE)
        self.assertEqual(self.decisions[LARGE].amount_total, LARGE // 2 * 710000)

    @users("t_office", "t_chief")
    @warmup
    def test_printout(self):
        Report = self.env["ir.actions.report"]

        def render(decision):
            html, _fmt = Report._render_qweb_html(DECISION_PDF, decision.ids)
            assert b"DANH S" in html

        self.assert_same_budget(PRINT_BUDGET, render)

    @users("t_office", "t_chief")
    @warmup
    def test_form(self):
        spec = form_spec(self.env, "tdkt.award.decision")
        self.assert_same_budget(FORM_BUDGET, lambda decision: load_form(decision, spec))
