"""Free document structure of plans (issue 12, point 2): sections, templates,
legal bases printed one per line or as one paragraph, a free preamble, the
header's agency lines as the agency breaks them."""

import importlib.util
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, file_path, mute_logger

from .common import TdktCommon
from .pdf_tools import flat, pdf_pages, render_pdf

PLAN_REPORT = "tdkt_emulation.action_report_tdkt_plan"
SEED_HEADINGS = [
    ("I. MỤC ĐÍCH, YÊU CẦU", 0),
    ("1. Mục đích", 1),
    ("2. Yêu cầu", 1),
    ("II. NỘI DUNG, THỜI GIAN THỰC HIỆN", 0),
    ("III. TỔ CHỨC THỰC HIỆN", 0),
]


def section(name, body=None, kind="text", sequence=10):
    return (0, 0, {"name": name, "body": body, "kind": kind, "sequence": sequence})


def structure(document):
    return [(s.name, level) for s, level in document.section_ids._tdkt_reading_order()]


def lines_of(pdf):
    """Non-empty text lines of the first page, spaces collapsed."""
    return [flat(line) for line in pdf_pages(pdf)[0].splitlines() if line.strip()]


@tagged("post_install", "-at_install")
class TestPlanSectionsPrintout(TdktCommon):
    def test_one_line_per_basis(self):
        plan = self.create_plan(
            legal_basis_layout="lines",
            legal_basis_ids=[
                (0, 0, {"sequence": 1, "name": "Căn cứ Luật Thi đua, Khen thưởng"}),
                (0, 0, {"sequence": 2, "name": "Nghị định số 98/2023/NĐ-CP;"}),
                (0, 0, {"sequence": 3, "name": "Kế hoạch số 241/KH-UBND."}),
            ],
            introduction="Thanh tra tỉnh xây dựng Kế hoạch như sau:",
        )
        self.assertEqual(
            plan._tdkt_print_legal_bases(),
            [
                "Căn cứ Luật Thi đua, Khen thưởng;",
                "Căn cứ Nghị định số 98/2023/NĐ-CP;",
                "Căn cứ Kế hoạch số 241/KH-UBND;",
            ],
        )
        pdf = render_pdf(self.env, PLAN_REPORT, plan)
        lines = lines_of(pdf)
        self.assertInOrder(
            "\n".join(lines),
            [
                "\nCăn cứ Luật Thi đua, Khen thưởng;\n",
                "Căn cứ Nghị định số 98/2023/NĐ-CP;\n",
                "Căn cứ Kế hoạch số 241/KH-UBND;\n",
                "Thanh tra tỉnh xây dựng Kế hoạch như sau:",
                "I. MỤC ĐÍCH, YÊU CẦU",
            ],
        )
        self.assertNotIn("Căn cứ Căn cứ", flat(" ".join(pdf_pages(pdf))))
        # The same bases in one paragraph, the agency's default.
        plan.legal_basis_layout = "paragraph"
        text = flat(" ".join(pdf_pages(render_pdf(self.env, PLAN_REPORT, plan))))
        self.assertIn(
            "Căn cứ Luật Thi đua, Khen thưởng; Nghị định số 98/2023/NĐ-CP; "
            "Kế hoạch số 241/KH-UBND.",
            text,
        )

    def test_layout_default_from_agency(self):
        self.assertEqual(self.create_plan().legal_basis_layout, "paragraph")
        self.company.tdkt_legal_basis_layout = "lines"
        self.assertEqual(self.create_plan().legal_basis_layout, "lines")

    def test_without_legal_bases_with_a_preamble(self):
        plan = self.create_plan(
            legal_basis_ids=[],
            introduction=(
                "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh "
                "về công tác thi đua, khen thưởng năm 2025;\n"
                "Thanh tra tỉnh xây dựng Kế hoạch như sau:"
            ),
        )
        text = flat(" ".join(pdf_pages(render_pdf(self.env, PLAN_REPORT, plan))))
        self.assertNotIn("Căn cứ", text)
        self.assertInOrder(
            text,
            [
                "KẾ HOẠCH",
                "Thực hiện công tác thi đua, khen thưởng năm 2024",
                "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025",
                "Thanh tra tỉnh xây dựng Kế hoạch như sau:",
                "I. MỤC ĐÍCH, YÊU CẦU",
            ],
        )

    def test_section_with_numbered_items_and_no_sub_headings(self):
        plan = self.create_plan(
            section_ids=[
                section(
                    "I. MỤC ĐÍCH VÀ YÊU CẦU",
                    "<p>1. Đẩy mạnh phong trào thi đua.</p>"
                    "<p>2. Khen thưởng kịp thời, đúng đối tượng.</p>",
                    sequence=1,
                ),
                section("II. CÁC NHIỆM VỤ TRỌNG TÂM", kind="table", sequence=2),
                section(
                    "III. TỔ CHỨC THỰC HIỆN", "<p>Giao Văn phòng./.</p>", sequence=3
                ),
            ],
        )
        text = flat(" ".join(pdf_pages(render_pdf(self.env, PLAN_REPORT, plan))))
        self.assertInOrder(
            text,
            [
                "I. MỤC ĐÍCH VÀ YÊU CẦU",
                "1. Đẩy mạnh phong trào thi đua.",
                "2. Khen thưởng kịp thời, đúng đối tượng.",
                "II. CÁC NHIỆM VỤ TRỌNG TÂM",
                "STT Nội dung Đơn vị chủ trì Đơn vị phối hợp",
                "I QUÝ I",
                "1 Nhiệm vụ 1 quý 1",
                "IV QUÝ IV",
                "III. TỔ CHỨC THỰC HIỆN",
                "Giao Văn phòng./.",
                "Nơi nhận:",
            ],
        )
        self.assertNotIn("Mục đích", text)
        self.assertNotIn("MỤC ĐÍCH, YÊU CẦU", text)

    def test_two_line_agency_header(self):
        self.company.write(
            {
                "tdkt_parent_agency_name": False,
                "tdkt_header_name": "Ủy ban nhân dân\nTỉnh Sơn La",
            }
        )
        plan = self.create_plan()
        self.assertEqual(
            plan._tdkt_print_agency_lines(), ([], ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"])
        )
        lines = lines_of(render_pdf(self.env, PLAN_REPORT, plan))
        first = [n for n, line in enumerate(lines) if "ỦY BAN NHÂN DÂN" in line]
        self.assertTrue(first, lines)
        self.assertNotIn("TỈNH", lines[first[0]].split("CỘNG HÒA")[0])
        self.assertTrue(lines[first[0] + 1].startswith("TỈNH SƠN LA"), lines[:4])
        self.assertNotIn("UBND TỈNH THỬ NGHIỆM", "\n".join(lines))
        # A parent agency on two lines, above the agency.
        plan.write(
            {
                "parent_agency_name": "Ủy ban nhân dân\nTỉnh Sơn La",
                "agency_name": "Sở Nội vụ",
            }
        )
        text = "\n".join(lines_of(render_pdf(self.env, PLAN_REPORT, plan)))
        self.assertInOrder(text, ["ỦY BAN NHÂN DÂN", "\nTỈNH SƠN LA", "\nSỞ NỘI VỤ"])

    def test_sub_sections_follow_their_main_section(self):
        plan = self.create_plan()
        main = plan.section_ids.filtered(lambda s: s.name == "III. TỔ CHỨC THỰC HIỆN")
        # Added last, printed under its main section, before nothing else.
        self.env["tdkt.document.section"].with_user(self.office).create(
            {
                "res_model": "tdkt.plan",
                "res_id": plan.id,
                "name": "1. Trách nhiệm của Văn phòng",
                "parent_id": main.id,
                "sequence": 5,
            }
        )
        self.assertEqual(
            structure(plan)[-2:],
            [("III. TỔ CHỨC THỰC HIỆN", 0), ("1. Trách nhiệm của Văn phòng", 1)],
        )

    def test_a_plan_without_a_task_table_section_is_not_issued(self):
        plan = self.create_plan(
            section_ids=[section("I. MỤC ĐÍCH", "<p>Một.</p>")],
        )
        with self.assertRaisesRegex(UserError, "Task Table"):
            plan.with_user(self.chief).action_issue()
        self.assertEqual(plan.state, "draft")


@tagged("post_install", "-at_install")
class TestPlanTemplates(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Template = cls.env["tdkt.plan.template"]
        cls.own = Template.with_user(cls.office).create(
            {
                "name": "Mẫu của Thanh tra tỉnh",
                "company_id": cls.company.id,
                "section_ids": [
                    section(
                        "I. MỤC ĐÍCH VÀ YÊU CẦU", "<p>1. Năm 2024.</p>", sequence=1
                    ),
                    section("II. NHIỆM VỤ", kind="table", sequence=2),
                ],
            }
        )

    def test_default_template_is_the_seed_structure(self):
        plan = self.create_plan()
        self.assertEqual(
            plan.template_id, self.env.ref("tdkt_emulation.tdkt_plan_template_default")
        )
        self.assertEqual(structure(plan), SEED_HEADINGS)
        self.assertEqual(
            plan.section_ids.filtered(lambda s: s.kind == "table").name,
            SEED_HEADINGS[3][0],
        )

    def test_agency_default_and_chosen_template(self):
        self.company.tdkt_plan_template_id = self.own
        plan = self.create_plan()
        self.assertEqual(plan.template_id, self.own)
        self.assertEqual(
            structure(plan), [("I. MỤC ĐÍCH VÀ YÊU CẦU", 0), ("II. NHIỆM VỤ", 0)]
        )
        first = plan.section_ids.filtered(lambda s: s.kind == "text")
        self.assertEqual(first.body, "<p>1. Năm 2024.</p>")
        default = self.env.ref("tdkt_emulation.tdkt_plan_template_default")
        chosen = self.create_plan(template_id=default.id)
        self.assertEqual(structure(chosen), SEED_HEADINGS)
        # No template: no sections.
        self.assertFalse(self.create_plan(template_id=False).section_ids)
        # Changing the template later does not touch existing plans.
        self.own.section_ids.filtered(lambda s: s.kind == "text").name = "I. KHÁC"
        self.assertEqual(first.name, "I. MỤC ĐÍCH VÀ YÊU CẦU")

    def test_office_keeps_its_own_templates_only(self):
        default = self.env.ref("tdkt_emulation.tdkt_plan_template_default")
        as_office = self.env["tdkt.plan.template"].with_user(self.office)
        self.assertEqual(
            set(as_office.search([]).ids) >= {self.own.id, default.id}, True
        )
        with self.assertRaises(AccessError):
            default.with_user(self.office).write({"name": "Sửa mẫu chung"})
        with self.assertRaises(AccessError):
            default.section_ids[0].with_user(self.office).write({"name": "Sửa"})
        with self.assertRaises(AccessError):
            as_office.with_context(tdkt_force=True).create(
                {"name": "Mẫu chung mới", "company_id": False}
            )
        # The Administrator keeps the shared ones.
        default.with_user(self.admin_tdkt).write({"name": "Mẫu chung"})
        # Staff read templates but change none.
        with self.assertRaises(AccessError):
            self.own.with_user(self.staff).write({"name": "Sửa"})
        with self.assertRaises(AccessError):
            self.env["tdkt.plan.template.section"].with_user(self.staff).create(
                {"template_id": self.own.id, "name": "Thêm"}
            )
        # Another agency's templates are out of sight.
        other = self.env["tdkt.plan.template"].create(
            {"name": "Mẫu khác", "company_id": self.other_company.id}
        )
        self.assertNotIn(other, as_office.search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.office).read(["name"])

    def test_template_structure_is_checked(self):
        with self.assertRaisesRegex(ValidationError, "Only one section"):
            self.own.write({"section_ids": [section("III. BẢNG KHÁC", kind="table")]})
        main, table = self.own.section_ids
        sub = self.env["tdkt.plan.template.section"].create(
            {"template_id": self.own.id, "name": "1. Mục đích", "parent_id": main.id}
        )
        with self.assertRaisesRegex(ValidationError, "sub-section of a main section"):
            table.parent_id = sub
        with self.assertRaisesRegex(UserError, "too long"):
            sub.write({"body": "<p>%s</p>" % ("x" * 60000)})


@tagged("post_install", "-at_install")
class TestPlanSectionRights(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.create_plan()
        cls.Section = cls.env["tdkt.document.section"]

    def new_section(self, user, plan=None, **vals):
        return (
            self.Section.with_user(user)
            .with_context(active_test=False, tdkt_skip_lock=True, bypass=True)
            .create(
                {
                    "res_model": "tdkt.plan",
                    "res_id": (plan or self.plan).id,
                    "name": "IV. KHÁC",
                    **vals,
                }
            )
        )

    def test_office_and_chief_edit_a_draft(self):
        first = self.plan.section_ids[0]
        first.with_user(self.office).write({"body": "<p>Sửa bởi Văn phòng.</p>"})
        first.with_user(self.chief).write({"name": "I. MỤC ĐÍCH VÀ YÊU CẦU"})
        self.new_section(self.office).with_user(self.office).unlink()
        self.assertEqual(first.name, "I. MỤC ĐÍCH VÀ YÊU CẦU")

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_staff_and_council_cannot_edit(self):
        first = self.plan.section_ids[0]
        for user in (self.staff, self.council, self.outsider):
            with self.assertRaises(AccessError):
                first.with_user(user).with_context(bypass=True).write(
                    {"body": "<p>X</p>"}
                )
            with self.assertRaises(AccessError):
                self.new_section(user)
            with self.assertRaises(AccessError):
                first.with_user(user).unlink()
        # Staff read the sections of their agency's plan.
        self.assertTrue(first.with_user(self.staff).read(["name"]))

    def test_sections_of_an_issued_plan_are_locked(self):
        self.issue(self.plan)
        first = self.plan.section_ids[0]
        heading = first.name
        for user in (self.office, self.chief):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                first.with_user(user).with_context(bypass=True).write({"name": "Sửa"})
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                self.new_section(user)
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                first.with_user(user).unlink()
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                self.plan.with_user(user).write(
                    {"section_ids": [(1, first.id, {"body": "<p>Sửa</p>"})]}
                )
        self.assertEqual(first.name, heading)
        self.assertEqual(len(self.plan.section_ids), 5)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_no_section_on_another_agencys_plan(self):
        other_plan = self.env["tdkt.plan"].create(
            {"name": "Kế hoạch khác", "company_id": self.other_company.id, "year": 2024}
        )
        with self.assertRaises(AccessError):
            self.new_section(self.office, plan=other_plan)
        with self.assertRaises(AccessError):
            other_plan.section_ids[0].with_user(self.office).read(["name"])
        with self.assertRaisesRegex(UserError, "cannot be moved"):
            self.plan.section_ids[0].with_user(self.office).write(
                {"res_id": other_plan.id}
            )

    def test_bad_input(self):
        first = self.plan.section_ids[0]
        with self.assertRaisesRegex(UserError, "too long"):
            first.with_user(self.office).write({"name": "X" * 501})
        with self.assertRaisesRegex(UserError, "too long"):
            self.new_section(self.office, body="<p>%s</p>" % ("x" * 60000))
        with self.assertRaisesRegex(ValidationError, "Only one section"):
            self.new_section(self.office, kind="table")
        with self.assertRaisesRegex(ValidationError, "sub-section of a main section"):
            sub = self.plan.section_ids.filtered("parent_id")[0]
            self.new_section(self.office, parent_id=sub.id)
        other = self.create_plan(year=2025)
        with self.assertRaisesRegex(ValidationError, "sub-section of a main section"):
            self.new_section(self.office, parent_id=other.section_ids[0].id)

    def test_too_long_in_vietnamese(self):
        if not self.env["res.lang"]._lang_get("vi_VN"):
            self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["tdkt_emulation"], ["vi_VN"])
        first = (
            self.plan.section_ids[0].with_user(self.office).with_context(lang="vi_VN")
        )
        with self.assertRaisesRegex(UserError, "quá dài") as caught:
            first.write({"name": "X" * 501})
        self.assertNotIn("tdkt", str(caught.exception))


@tagged("post_install", "-at_install")
class TestPlanSectionsCopyAndCitation(TdktCommon):
    def test_copy_and_roll_over_keep_the_structure(self):
        plan = self.create_plan()
        self.fill_sections(plan, {"1. Mục đích": "<p>Thi đua năm 2024.</p>"})
        copy = plan.copy()
        self.assertEqual(structure(copy), SEED_HEADINGS)
        self.assertFalse(copy.section_ids & plan.section_ids)
        self.assertEqual(
            copy.section_ids.filtered("parent_id").parent_id.res_id, copy.id
        )
        self.issue(plan)
        new = self.env["tdkt.plan"].browse(
            plan.with_user(self.office).action_roll_over()["res_id"]
        )
        self.assertEqual(structure(new), SEED_HEADINGS)
        self.assertEqual(
            new.section_ids.filtered(lambda s: s.name == "1. Mục đích").body,
            "<p>Thi đua năm 2025.</p>",
        )
        self.assertEqual(new.section_ids.parent_id.res_id, new.id)
        self.assertEqual(len(plan.section_ids), 5)

    def test_basis_links_an_upstream_plan(self):
        upstream = self.issue(self.create_plan(issue_date=date(2024, 1, 5)))
        plan = self.create_plan(year=2025, legal_basis_ids=[])
        self.assertIn(
            ("tdkt.plan", "Emulation and Commendation Plan"),
            self.env["tdkt.document.legal.basis"]._selection_document_ref(),
        )
        basis = (
            self.env["tdkt.document.legal.basis"]
            .with_user(self.office)
            .new({"res_model": "tdkt.plan", "res_id": plan.id})
        )
        basis.document_ref = upstream
        basis._onchange_document_ref()
        self.assertEqual(basis.reference, "01/KH-TTr")
        self.assertEqual(
            basis.name,
            "Kế hoạch số 01/KH-TTr ngày 05/01/2024 của Thanh tra tỉnh về thực "
            "hiện công tác thi đua, khen thưởng năm 2024",
        )
        plan.with_user(self.office).write(
            {
                "legal_basis_ids": [
                    (
                        0,
                        0,
                        {
                            "name": basis.name,
                            "document_ref": f"tdkt.plan,{upstream.id}",
                        },
                    )
                ]
            }
        )
        self.assertEqual(plan.legal_basis_ids.document_ref, upstream)
        self.assertEqual(
            plan._tdkt_print_legal_bases(),
            [f"Căn cứ {basis.name}."],
        )
        with self.assertRaisesRegex(ValidationError, "its own legal basis"):
            plan.legal_basis_ids.document_ref = plan

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_basis_cannot_cite_a_document_out_of_reach(self):
        """Linking another agency's plan would show its number and title to
        whoever reads the basis."""
        hidden = self.env["tdkt.plan"].create(
            {"name": "Kế hoạch khác", "company_id": self.other_company.id, "year": 2024}
        )
        plan = self.create_plan(legal_basis_ids=[])
        with self.assertRaises(AccessError):
            plan.with_user(self.office).with_context(bypass=True).write(
                {
                    "legal_basis_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Căn cứ",
                                "document_ref": f"tdkt.plan,{hidden.id}",
                            },
                        )
                    ]
                }
            )
        self.assertFalse(plan.legal_basis_ids)


@tagged("post_install", "-at_install")
class TestPlanSectionsMigration(TdktCommon):
    def test_fixed_texts_become_sections(self):
        """The 18.0.1.2.0 script moves the old columns into the seed's
        sections; plans that already have sections are left alone."""
        plan = self.create_plan(template_id=False)
        done = self.create_plan(year=2025)
        cr = self.env.cr
        cr.execute(
            "ALTER TABLE tdkt_plan ADD COLUMN purposes text, "
            "ADD COLUMN requirements text, ADD COLUMN implementation text"
        )
        cr.execute(
            SQL(
                "UPDATE tdkt_plan SET purposes = %s, requirements = %s, "
                "implementation = %s WHERE id = %s",
                "<p>Mục đích cũ.</p>",
                "<p>Yêu cầu cũ.</p>",
                "<p>1. Giao./.</p>",
                plan.id,
            )
        )
        # An issued plan is locked: the script still moves its texts.
        cr.execute(SQL("UPDATE tdkt_plan SET state = 'issued' WHERE id = %s", plan.id))
        path = file_path(
            "tdkt_emulation/migrations/18.0.1.2.0/post-10-plan-sections.py"
        )
        spec = importlib.util.spec_from_file_location("tdkt_plan_sections", path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        script.migrate(cr, "18.0.1.1.0")
        self.env.invalidate_all()
        self.assertEqual(structure(plan), SEED_HEADINGS)
        self.assertEqual(len(done.section_ids), 5)
        bodies = {s.name: s.body for s in plan.section_ids}
        self.assertEqual(bodies["1. Mục đích"], "<p>Mục đích cũ.</p>")
        self.assertEqual(bodies["III. TỔ CHỨC THỰC HIỆN"], "<p>1. Giao./.</p>")
        self.assertEqual(plan.section_ids.company_id, self.company)
        text = flat(" ".join(pdf_pages(render_pdf(self.env, PLAN_REPORT, plan))))
        self.assertInOrder(
            text,
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "Mục đích cũ.",
                "2. Yêu cầu",
                "Yêu cầu cũ.",
                "II. NỘI DUNG, THỜI GIAN THỰC HIỆN",
                "I QUÝ I",
                "III. TỔ CHỨC THỰC HIỆN",
                "1. Giao./.",
            ],
        )
