from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .council_common import TdktCouncilCommon


@tagged("post_install", "-at_install")
class TestCouncilRule(TdktCouncilCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["tdkt.council.rule"]
        ref = cls.env.ref
        cls.r1_90 = ref("tdkt_emulation.tdkt_council_rule_r1_90")
        cls.r1_80 = ref("tdkt_emulation.tdkt_council_rule_r1_80")
        cls.agency_titles = ref("tdkt_emulation.tdkt_council_rule_agency_titles")
        cls.agency_default = ref("tdkt_emulation.tdkt_council_rule_agency_default")
        cls.cstdtq = ref("tdkt_emulation.tdkt_award_type_cstdtq")

    def rule(self, **vals):
        values = {"name": "Quy chế thử", "company_id": self.company.id}
        values.update(vals)
        return self.Rule.create(values)

    def rule_of(self, award, day, council=None):
        rules = self.Rule._tdkt_rules_for(council or self.council_record, award, day)
        return rules.get(award.id)

    # --- which rule ---------------------------------------------------------------
    def test_r1_and_r2_rules_by_session_date_and_award_type(self):
        day_r1, day_r2 = date(2024, 12, 20), date(2025, 12, 20)
        self.assertEqual(self.rule_of(self.cstd_tinh, day_r1), self.r1_90)
        self.assertEqual(self.rule_of(self.cstdtq, day_r1), self.r1_90)
        self.assertEqual(self.rule_of(self.cstdcs, day_r1), self.r1_80)
        self.assertEqual(self.rule_of(self.ldtt, day_r1), self.agency_default)
        # From 01/07/2025 (Decree 152/2025): the agency's regulation.
        self.assertEqual(self.rule_of(self.cstdcs, day_r2), self.agency_titles)
        self.assertEqual(self.rule_of(self.cstd_tinh, day_r2), self.agency_titles)
        self.assertEqual(self.rule_of(self.ldtt, day_r2), self.agency_default)
        self.assertEqual(self.rule_of(self.cstdcs, date(2025, 6, 30)), self.r1_80)
        self.assertEqual(
            self.rule_of(self.cstdcs, date(2025, 7, 1)), self.agency_titles
        )
        for rule in (self.r1_90, self.r1_80):
            self.assertIn("98/2023/NĐ-CP, Điều 30 khoản 7", rule.basis)
            self.assertFalse(rule.is_agency_regulation)
            self.assertEqual(rule.threshold_base, "members")
        self.assertEqual(self.r1_90.threshold_percent, 90.0)
        self.assertEqual(self.r1_80.threshold_percent, 80.0)
        self.assertTrue(self.agency_default.is_agency_regulation)
        self.assertTrue(self.agency_titles.is_agency_regulation)
        self.assertIn("Quy chế hoạt động", self.agency_default.basis)

    def test_the_most_specific_rule_wins(self):
        day = date(2024, 12, 20)
        agency = self.rule(threshold_percent=60.0)
        self.assertEqual(self.rule_of(self.ldtt, day), agency)
        # The agency's general rule leaves the decree's rule of a title alone.
        self.assertEqual(self.rule_of(self.cstdcs, day), self.r1_80)
        agency_cstdcs = self.rule(award_type_ids=[(6, 0, self.cstdcs.ids)])
        self.assertEqual(self.rule_of(self.cstdcs, day), agency_cstdcs)
        council = self.rule(council_id=self.council_record.id)
        self.assertEqual(council.company_id, self.company)
        self.assertEqual(self.rule_of(self.ldtt, day), council)
        self.assertEqual(self.rule_of(self.cstdcs, day), agency_cstdcs)
        council_cstdcs = self.rule(
            council_id=self.council_record.id, award_type_ids=[(6, 0, self.cstdcs.ids)]
        )
        self.assertEqual(self.rule_of(self.cstdcs, day), council_cstdcs)
        self.assertEqual(self.council_record.rule_ids, council | council_cstdcs)
        # Out of its period, a rule is not used.
        council_cstdcs.valid_to = date(2024, 6, 30)
        self.assertEqual(self.rule_of(self.cstdcs, day), agency_cstdcs)
        # Another agency's rule never applies.
        other = self.rule(company_id=self.other_company.id)
        self.assertNotEqual(self.rule_of(self.ldtt, day), other)

    def test_rules_of_many_award_types_in_one_query(self):
        awards = self.ldtt | self.cstdcs | self.cstd_tinh | self.cstdtq
        self.Rule._tdkt_rules_for(self.council_record, self.ldtt, date(2024, 12, 1))
        with self.assertQueryCount(2):
            rules = self.Rule._tdkt_rules_for(
                self.council_record, awards, date(2024, 12, 20)
            )
        self.assertEqual(len(rules), 4)

    def test_bad_values_and_rights(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self.rule(threshold_percent=120)
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self.rule(quorum_percent=0)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self.rule(valid_from=date(2025, 1, 1), valid_to=date(2024, 1, 1))
        # Members read the rules; the Office sets its agency's; only the
        # Administrator changes the shipped ones.
        self.r1_80.with_user(self.member1).read(["threshold_percent"])
        with self.assertRaises(AccessError):
            self.Rule.with_user(self.member1).create({"name": "x"})
        self.Rule.with_user(self.office).create(
            {"name": "Quy chế", "company_id": self.company.id}
        )
        with self.assertRaises(AccessError):
            self.r1_80.with_user(self.office).write({"threshold_percent": 50})
        with self.assertRaises(AccessError):
            self.Rule.with_user(self.office).create({"name": "Toàn quốc"})
        self.agency_default.with_user(self.admin_tdkt).write({"quorum_percent": 66.67})

    # --- what a rule says -------------------------------------------------------------
    def test_quorum_is_a_share_of_all_members_rounded_up(self):
        rule = self.rule(quorum_percent=80.0)
        self.assertEqual(rule._tdkt_quorum(15), 12)
        self.assertEqual(rule._tdkt_quorum(14), 12)  # 11.2 members
        self.assertEqual(rule._tdkt_quorum(6), 5)  # 4.8 members
        rule.quorum_percent = 66.67
        self.assertEqual(rule._tdkt_quorum(15), 10)  # two thirds
        self.assertEqual(rule._tdkt_quorum(9), 6)

    def judge(self, rule, members, present, votes, written=None):
        return rule._tdkt_judge(members, present, votes, written)

    def test_threshold_on_all_members(self):
        # R1, 80 % of all 15 members: 12 agree passes, 11 fails even when
        # every present member agrees.
        result = self.judge(self.r1_80, 15, 12, {"agree": 12})
        self.assertEqual(result["result"], "approved")
        self.assertEqual(result["percent_members"], 80.0)
        self.assertEqual(result["percent_present"], 100.0)
        result = self.judge(self.r1_80, 15, 11, {"agree": 11})
        self.assertEqual(result["result"], "rejected")
        self.assertEqual(result["percent_members"], 73.33)
        # 90 %: 14 of 15 passes (93.33 %), 13 fails (86.67 %).
        self.assertEqual(
            self.judge(self.r1_90, 15, 15, {"agree": 14, "disagree": 1})["result"],
            "approved",
        )
        self.assertEqual(
            self.judge(self.r1_90, 15, 15, {"agree": 13, "abstain": 2})["result"],
            "rejected",
        )

    def test_threshold_on_members_present_and_abstentions(self):
        rule = self.rule(threshold_base="present", threshold_percent=66.67)
        votes = {"agree": 8, "disagree": 2, "abstain": 2}
        # 8 of 12 present: 66.67 %, passes; of all 15 it would not.
        self.assertEqual(self.judge(rule, 15, 12, votes)["result"], "approved")
        votes = {"agree": 7, "disagree": 2, "abstain": 3}
        self.assertEqual(self.judge(rule, 15, 12, votes)["result"], "rejected")
        # Abstentions left out of the denominator: 7 of 9.
        rule.abstention = "excluded"
        result = self.judge(rule, 15, 12, votes)
        self.assertEqual(result["base"], 9)
        self.assertEqual(result["result"], "approved")
        rule.threshold_base = "members"
        self.assertEqual(self.judge(rule, 15, 12, votes)["base"], 12)

    def test_written_opinions_of_absent_members(self):
        # 11 present agree, 1 absent member agrees in writing: 12 of 15.
        votes, written = {"agree": 11}, {"agree": 1}
        result = self.judge(self.r1_80, 15, 11, votes, written)
        self.assertEqual(result["agree"], 12)
        self.assertEqual(result["result"], "approved")
        rule = self.rule(threshold_percent=80.0, written_opinions="ignore")
        result = self.judge(rule, 15, 11, votes, written)
        self.assertEqual(result["agree"], 11)
        self.assertEqual(result["result"], "rejected")
        # Counted on those present, a written opinion joins the denominator.
        rule = self.rule(threshold_base="present", threshold_percent=80.0)
        result = self.judge(rule, 15, 4, {"agree": 4}, {"disagree": 1})
        self.assertEqual((result["base"], result["result"]), (5, "approved"))

    def test_ties(self):
        rule = self.rule(threshold_base="present", threshold_percent=50.0)
        votes = {"agree": 5, "disagree": 5}
        self.assertEqual(self.judge(rule, 12, 10, votes)["result"], "revote")
        rule.tie = "fail"
        self.assertEqual(self.judge(rule, 12, 10, votes)["result"], "rejected")
        votes = {"agree": 6, "disagree": 4}
        self.assertEqual(self.judge(rule, 12, 10, votes)["result"], "approved")
        self.assertEqual(self.judge(rule, 12, 0, {})["result"], "rejected")
