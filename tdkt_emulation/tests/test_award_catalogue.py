import importlib.util
from datetime import date
from pathlib import Path

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestAwardCatalogue(TdktCommon):
    def test_catalogue_loaded_from_data(self):
        awards = self.env["tdkt.award.type"].search([("company_id", "=", False)])
        codes = set(awards.mapped("code"))
        # 15 entries of the catalogue; the forms for persons and collectives
        # are one entry per subject, the Labour Order one per class: 24.
        self.assertEqual(len(awards), 24)
        self.assertTrue(
            {"LDTT", "CSTDCS", "TTLDTT", "TTLDXS", "GIAY_KHEN_CN", "GIAY_KHEN_TT"}
            <= codes
        )
        ldtt = self.env.ref("tdkt_emulation.tdkt_award_type_ldtt")
        self.assertEqual(ldtt.name, "Lao động tiên tiến")
        self.assertEqual(
            (ldtt.kind, ldtt.subject, ldtt.conferring_level),
            ("title", "individual", "unit"),
        )
        self.assertEqual(ldtt.reward_multiple, 0.3)
        self.assertIn("Luật Thi đua, khen thưởng 2022 Art.24 k1", ldtt.legal_basis)
        ttldtt = self.env.ref("tdkt_emulation.tdkt_award_type_ttldtt")
        self.assertEqual(ttldtt.subject, "collective")
        self.assertEqual(ttldtt.confidence, "C")

    def test_labour_order_by_class(self):
        """Conferred, paid and printed by class: hạng Nhất, Nhì, Ba, each for
        persons and collectives; collectives 18 / 15 / 9 times the base salary
        (Decree 152/2025 art. 51-52)."""
        orders = self.env["tdkt.award.type"].search(
            [("code", "=like", "HUAN_CHUONG_LAO_DONG_%")], order="sequence"
        )
        self.assertEqual(
            orders.mapped("name"),
            [
                f"Huân chương Lao động {label} - {subject}"
                for label in ("hạng Nhất", "hạng Nhì", "hạng Ba")
                for subject in ("cá nhân", "tập thể")
            ],
        )
        self.assertEqual(
            orders.filtered(lambda a: a.subject == "collective").mapped(
                "reward_multiple"
            ),
            [18.0, 15.0, 9.0],
        )
        self.assertTrue(all(a.conferring_level == "state" for a in orders))
        self.assertIn("NĐ 152/2025/NĐ-CP Art.51-52", orders[1].legal_basis)

    def test_migration_archives_the_undivided_labour_order(self):
        """18.0.1.2.0: the two entries of the previous catalogue are archived
        (kept for what names them), the classes take their place."""
        # A database of the previous version has it; a fresh one does not.
        old = self.env.ref(
            "tdkt_emulation.tdkt_award_type_huan_chuong_lao_dong_cn", False
        )
        if old:
            old.active = True
        else:
            old = self.env["tdkt.award.type"].create(
                {
                    "code": "HUAN_CHUONG_LAO_DONG_CN",
                    "name": "Huân chương Lao động (hạng Nhất, Nhì, Ba) - cá nhân",
                    "kind": "form",
                    "subject": "individual",
                }
            )
            self.env["ir.model.data"].create(
                {
                    "module": "tdkt_emulation",
                    "name": "tdkt_award_type_huan_chuong_lao_dong_cn",
                    "model": "tdkt.award.type",
                    "res_id": old.id,
                    "noupdate": True,
                }
            )
        path = (
            Path(__file__).parents[1] / "migrations/18.0.1.2.0/post-20-award-classes.py"
        )
        spec = importlib.util.spec_from_file_location("tdkt_mig_award_classes", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.1.0")
        old.invalidate_recordset()
        self.assertFalse(old.active)
        self.assertTrue(
            self.env.ref(
                "tdkt_emulation.tdkt_award_type_huan_chuong_lao_dong_hang_ba_cn"
            ).active
        )

    def test_corrections_applied(self):
        ref = self.env.ref
        flag = ref("tdkt_emulation.tdkt_award_type_co_thi_dua_cp")
        self.assertTrue(flag.conferring_authority.startswith("Chính phủ"))
        self.assertIn("Điều 78", flag.conferring_authority)
        # Collective certificates of merit (Decree 152/2025 art. 54).
        self.assertEqual(
            ref("tdkt_emulation.tdkt_award_type_giay_khen_tt").reward_multiple, 0.6
        )
        self.assertEqual(
            ref("tdkt_emulation.tdkt_award_type_bang_khen_ttg_tt").reward_multiple, 7.0
        )
        self.assertFalse(
            ref("tdkt_emulation.tdkt_award_type_giay_khen_cn").reward_multiple
        )
        self.assertIn(
            "NĐ 152/2025/NĐ-CP Art.50-54",
            ref("tdkt_emulation.tdkt_award_type_cstdcs").legal_basis,
        )

    def test_admin_adds_own_award_others_read(self):
        award = (
            self.env["tdkt.award.type"]
            .with_user(self.admin_tdkt)
            .create(
                {
                    "code": "KNC_SECTOR",
                    "name": "Kỷ niệm chương của ngành",
                    "kind": "form",
                    "subject": "individual",
                    "conferring_level": "sector",
                    "is_agency_defined": True,
                    "company_id": self.company.id,
                }
            )
        )
        self.assertEqual(award.display_name, "Kỷ niệm chương của ngành (KNC_SECTOR)")
        self.assertTrue(award.with_user(self.staff).name)
        with self.assertRaises(AccessError):
            award.with_user(self.office).write({"name": "Khác"})
        with self.assertRaises(AccessError):
            self.env["tdkt.award.type"].with_user(self.office).create(
                {"code": "X", "name": "X"}
            )
        # The other agency does not see this agency's own award.
        other = self.env["res.users"].create(
            {
                "name": "Other admin",
                "login": "t_other_admin",
                "company_id": self.other_company.id,
                "company_ids": [(6, 0, self.other_company.ids)],
                "groups_id": [
                    (6, 0, self.env.ref("tdkt_emulation.group_tdkt_admin").ids)
                ],
            }
        )
        self.assertFalse(
            self.env["tdkt.award.type"]
            .with_user(other)
            .search([("code", "=", "KNC_SECTOR")])
        )

    def test_award_bad_input(self):
        Award = self.env["tdkt.award.type"].with_user(self.admin_tdkt)
        with self.assertRaisesRegex(ValidationError, "negative"):
            Award.create({"code": "NEG", "name": "Âm", "reward_multiple": -1})
        with self.assertRaisesRegex(UserError, "too long"):
            Award.create({"code": "LONG", "name": "x" * 201})


@tagged("post_install", "-at_install")
class TestLegalRule(TdktCommon):
    def test_rule_by_period(self):
        Rule = self.env["tdkt.legal.rule"]
        r1 = Rule._tdkt_rule("EXCL_DISCIPLINE", date(2024, 3, 1))
        r2 = Rule._tdkt_rule("EXCL_DISCIPLINE", date(2025, 7, 1))
        self.assertEqual(r1.document, "Nghị định 98/2023/NĐ-CP")
        self.assertEqual(r1.regime, "r1")
        self.assertEqual(r1.basis, "khoản 4 Điều 4 Nghị định 98/2023/NĐ-CP")
        self.assertEqual(r2.document, "Nghị định 152/2025/NĐ-CP")
        self.assertEqual(r2.regime, "r2")
        self.assertEqual(
            Rule._tdkt_rule("TRANSITION_2026", date(2026, 10, 1)).regime, "r3"
        )
        self.assertFalse(Rule._tdkt_rule("TRANSITION_2026", date(2026, 9, 30)))
        # Voting: 80 % of the council under Decree 98/2023; afterwards the
        # agency's own configuration.
        vote_r1 = Rule._tdkt_rule("VOTE_80", date(2024, 12, 1))
        self.assertEqual(vote_r1.value, 0.8)
        vote_r2 = Rule._tdkt_rule("VOTE_80", date(2025, 12, 1))
        self.assertTrue(vote_r2.is_agency_config)

    def test_registration_rules_shipped(self):
        Rule = self.env["tdkt.legal.rule"]
        day = date(2024, 1, 15)
        together = Rule._tdkt_rule("REG_CSTDCS_WITH_LDTT", day)
        self.assertEqual(together.kind, "prerequisite")
        self.assertEqual(
            together.basis, "Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15"
        )
        self.assertEqual(
            set(together.award_type_ids.mapped("code")), {"LDTT", "CSTDCS"}
        )
        once = Rule._tdkt_rule("REG_SAME_TITLE_ONCE", day)
        self.assertTrue(once.is_agency_config)
        self.assertEqual(once.basis, "Agency configuration (no legal text found)")
        self.assertTrue(Rule._tdkt_rule("REG_DEADLINE", day).is_agency_config)
        self.assertTrue(Rule._tdkt_rule("REG_SUBJECT", day))

    def test_rule_rights_and_bad_dates(self):
        rule = self.env.ref("tdkt_emulation.tdkt_legal_rule_reg_subject")
        self.assertTrue(rule.with_user(self.council).basis)
        with self.assertRaises(AccessError):
            rule.with_user(self.office).write({"name": "Khác"})
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            rule.with_user(self.admin_tdkt).write({"valid_to": "2023-12-31"})
