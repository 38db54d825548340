"""Query budgets of the award proposals: the dossier form and the
eligibility checks cost the same for 10 proposals as for 300 (each nominee
with three years of history). Budgets count queries, never time."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged, users, warmup

from .proposal_common import TdktProposalCommon
from .webclient import form_spec, load_form

SMALL, LARGE = 10, 300
# Form: the dossier, its proposals (one batch), their titles, the counts; the
# unit head needs a few more (the record rules through the unit's heads).
FORM_BUDGET = {"t_head": 11, "t_office": 8}
# The engine: the proposals, dossiers and titles, the rules, the history
# kept and the other proposals of the nominees.
EVALUATE_BUDGET = {"t_head": 18, "t_office": 16}
# Checking again: the engine and the checks kept (one query); nothing is
# written when no check changed.
REFRESH_BUDGET = {"t_head": 18, "t_office": 18}


@tagged("post_install", "-at_install")
@freeze_time("2024-12-10")
class TestAwardQueryBudget(TdktProposalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.dossiers = {}
        for size in (SMALL, LARGE):
            unit, employees = cls.staffed_unit(
                env, size, registrar_user_ids=[(6, 0, cls.head.ids)]
            )
            env["tdkt.award.record"].create(
                [
                    {
                        "company_id": cls.company.id,
                        "award_type_id": cls.cstdcs.id,
                        "employee_id": employee.id,
                        "year": year,
                        "decision_number": f"{year}/QĐ",
                        "decision_date": date(year + 1, 1, 5),
                    }
                    for employee in employees
                    for year in (2021, 2022, 2023)
                ]
            )
            dossier = env["tdkt.award.dossier"].create(
                {
                    "company_id": cls.company.id,
                    "year": 2024,
                    "unit_id": unit.id,
                    "signer_id": cls.head_employee.id,
                }
            )
            env["tdkt.award.proposal"].create(
                [
                    {
                        "dossier_id": dossier.id,
                        "award_type_id": award.id,
                        "employee_id": employee.id,
                        "performance_rating": "htxs",
                        "start_date": date(2020, 1, 1),
                    }
                    for employee in employees
                    for award in (cls.ldtt, cls.cstdcs, cls.cstd_tinh)
                ]
                + [
                    {
                        "dossier_id": dossier.id,
                        "award_type_id": cls.ttldxs.id,
                        "performance_rating": "htxs",
                    }
                ]
            )
            cls.dossiers[size] = dossier
        cls.env.flush_all()

    def test_data_set(self):
        large = self.dossiers[LARGE]
        self.assertEqual(len(large.proposal_ids), 3 * LARGE + 1)
        self.assertEqual(
            set(large.proposal_ids.mapped("eligibility")), {"pass", "needs_data"}
        )
        self.assertEqual(len(large.proposal_ids.check_ids) > 3 * LARGE * 3, True)

    @users("t_head", "t_office")
    @warmup
    def test_dossier_form(self):
        spec = form_spec(self.env, "tdkt.award.dossier")
        self.assert_same_budget(
            FORM_BUDGET,
            [
                (
                    size,
                    lambda d=self.dossiers[size]: load_form(d.with_env(self.env), spec),
                )
                for size in (SMALL, LARGE)
            ],
        )

    @users("t_head", "t_office")
    @warmup
    def test_eligibility_engine(self):
        Engine = self.env["tdkt.award.eligibility"]
        self.assert_same_budget(
            EVALUATE_BUDGET,
            [
                (
                    size,
                    lambda d=self.dossiers[size]: Engine._tdkt_evaluate(
                        d.with_env(self.env).proposal_ids
                    ),
                )
                for size in (SMALL, LARGE)
            ],
        )

    @users("t_head", "t_office")
    @warmup
    def test_check_eligibility_again(self):
        self.assert_same_budget(
            REFRESH_BUDGET,
            [
                (
                    size,
                    lambda d=self.dossiers[size]: d.with_env(
                        self.env
                    ).action_check_eligibility(),
                )
                for size in (SMALL, LARGE)
            ],
        )
