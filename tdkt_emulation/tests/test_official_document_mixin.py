"""The official document mixin, tested once on a test-only document type."""

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TdktCommon


@tagged("post_install", "-at_install")
class TestOfficialDocumentMixin(TdktCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import TdktTestDocument

        cls.loader.update_registry((TdktTestDocument,))
        model = cls.env["ir.model"]._get("tdkt.test.document")
        cls.env["ir.model.access"].create(
            [
                {
                    "name": f"test document {group}",
                    "model_id": model.id,
                    "group_id": cls.env.ref(f"tdkt_emulation.group_tdkt_{group}").id,
                    "perm_read": True,
                    "perm_write": group == "office",
                    "perm_create": group == "office",
                    "perm_unlink": group == "office",
                }
                for group in ("user", "office")
            ]
        )
        cls.Document = cls.env["tdkt.test.document"]

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def new(self, **vals):
        values = {
            "name": "Văn bản thử",
            "company_id": self.company.id,
            "signer_id": self.chief_employee.id,
            "recipient_ids": [(0, 0, {"name": "Lưu: VT."})],
            "legal_basis_ids": [(0, 0, {"name": "Luật Thi đua, Khen thưởng năm 2022"})],
        }
        values.update(vals)
        return self.Document.with_user(self.office).create(values)

    def test_table_keeps_the_rows_of_the_types_states(self):
        table = self.Document._tdkt_transitions()
        self.assertEqual(
            {(row.action, row.from_states, row.to_state) for row in table},
            {
                ("issue", ("draft",), "issued"),
                ("cancel", ("draft",), "cancelled"),
                ("cancel", ("issued",), "cancelled"),
                ("reset", ("cancelled",), "draft"),
            },
        )

    def test_header_number_and_symbol_from_the_mixin(self):
        document = self.new()
        self.assertEqual(document.agency_name, "THANH TRA TỈNH")
        self.assertEqual(document.place, "Lạng Sơn")
        self.assertEqual(document.signer_position, "CHÁNH THANH TRA")
        self.assertEqual(document.document_number, "/TD-TTr")
        self.assertEqual(document.recipient_ids.res_model, "tdkt.test.document")
        self.assertEqual(document.recipient_ids.company_id, self.company)
        self.assertEqual(document.allowed_actions, "cancel")
        self.assertEqual(document.with_user(self.chief).allowed_actions, "issue cancel")
        self.assertIs(document.with_user(self.chief).action_issue(), True)
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.document_number, "01/TD-TTr")
        self.assertEqual(document.revision, 1)
        self.assertTrue(document.issue_date)
        # its own register: a plan of the same agency and year starts at 1
        plan = self.issue(self.create_plan())
        self.assertEqual(plan.document_number, "01/KH-TTr")

    def test_create_starts_in_the_initial_state_whatever_is_sent(self):
        document = self.new(state="issued", revision=3, number=0)
        self.assertEqual((document.state, document.revision), ("draft", 0))
        self.assertFalse(document.signed_pdf_id)

    def test_write_state_goes_through_the_table(self):
        document = self.new()
        with self.assertRaises(AccessError):
            document.with_user(self.office).write({"state": "issued"})
        document.with_user(self.chief).write({"state": "issued", "body": "Nội dung"})
        self.assertEqual((document.state, document.number), ("issued", 1))
        # leaving an issued state needs a reason: not through write()
        with self.assertRaisesRegex(UserError, "needs a reason"):
            document.with_user(self.chief).write({"state": "cancelled"})
        with self.assertRaisesRegex(UserError, "cannot do this while it is issued"):
            document.with_user(self.chief).write({"state": "draft"})
        with self.assertRaises(AccessError):
            document.with_user(self.office).write({"revision": 5})
        self.assertEqual(document.state, "issued")

    def test_reason_is_asked_and_kept(self):
        document = self.new()
        document.with_user(self.chief).action_issue()
        action = document.with_user(self.chief).action_cancel()
        self.assertEqual(action["res_model"], "tdkt.document.reason.wizard")
        self.assertEqual(document.state, "issued")
        with self.assertRaises(AccessError):
            self.env["tdkt.document.reason.wizard"].with_user(self.office).create(
                {
                    "res_model": document._name,
                    "res_ids": str(document.ids),
                    "action": "cancel",
                    "reason": "Thử",
                }
            ).action_confirm()
        wizard = (
            self.env["tdkt.document.reason.wizard"]
            .with_user(self.chief)
            .with_context(**action["context"])
            .create({"reason": "Ban hành nhầm đối tượng"})
        )
        wizard.action_confirm()
        self.assertEqual(document.state, "cancelled")
        self.assertIn("Ban hành nhầm đối tượng", document.message_ids[0].body)

    def test_lock_covers_content_and_lines(self):
        document = self.new()
        document.with_user(self.chief).action_issue()
        for vals in ({"body": "Khác"}, {"name": "Khác"}, {"number": 7}):
            with self.assertRaisesRegex(UserError, "can no longer be changed"):
                document.with_user(self.office).write(vals)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            document.recipient_ids.with_user(self.office).write({"name": "Khác"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["tdkt.document.recipient"].with_user(self.office).create(
                {"res_model": document._name, "res_id": document.id, "name": "Mới"}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            document.legal_basis_ids.with_user(self.office).unlink()
        # the lock holds for the superuser as well
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            document.sudo().write({"body": "Khác"})  # sudo: the superuser
        with self.assertRaisesRegex(UserError, "cannot be moved"):
            document.recipient_ids.with_user(self.office).write({"res_id": 0})

    def test_lines_follow_the_documents_rights(self):
        document = self.new()
        lines = document.recipient_ids
        # Staff may not read the lines of a document they cannot write, nor
        # add lines to it.
        lines.with_user(self.staff).read(["name"])
        with self.assertRaises(AccessError):
            lines.with_user(self.staff).write({"name": "Khác"})
        with self.assertRaises(AccessError):
            self.env["tdkt.document.recipient"].with_user(self.staff).create(
                {"res_model": document._name, "res_id": document.id, "name": "Mới"}
            )
        with self.assertRaises(AccessError):
            lines.with_user(self.outsider).read(["name"])

    def test_numbers_unique_per_agency_type_and_year(self):
        self.new(number=3)
        with self.assertRaisesRegex(ValidationError, "already used"):
            self.new(number=3)
        # unnumbered drafts never collide
        self.new()
        self.new()
        self.new(number=3, year=2025)
        document = self.new()
        document.with_user(self.chief).action_issue()
        self.assertEqual(document.number, 1)
        second = self.new()
        second.with_user(self.chief).action_issue()
        third = self.new()
        third.with_user(self.chief).action_issue()
        self.assertEqual((second.number, third.number), (2, 4))  # 3 is taken

    def test_text_limits(self):
        with self.assertRaisesRegex(UserError, "'Title' is too long: 1.000.000"):
            self.new(name="x" * 1_000_000)
        with self.assertRaisesRegex(UserError, "'Text' is too long"):
            self.new(recipient_ids=[(0, 0, {"name": "x" * 5000})])
        self.assertFalse(self.Document.search([]))

    def test_issued_document_cannot_be_deleted(self):
        document = self.new()
        document.with_user(self.chief).action_issue()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            document.sudo().unlink()  # sudo: the superuser
        draft = self.new()
        recipients, bases = draft.recipient_ids, draft.legal_basis_ids
        draft.with_user(self.office).unlink()
        self.assertFalse(recipients.exists() or bases.exists())

    def test_frame_prints_signers_addressees_and_annex(self):
        annex = self.env["ir.ui.view"].create(
            {
                "name": "tdkt_test_annex",
                "type": "qweb",
                "key": "tdkt_emulation.tdkt_test_annex",
                "arch": '<t t-name="tdkt_emulation.tdkt_test_annex">'
                "<p>PHỤ LỤC DANH SÁCH</p></t>",
            }
        )
        document = self.new(
            second_signer_name="Nông Thị Hằng",
            addressee="Hội đồng Thi đua - Khen thưởng tỉnh; Sở Nội vụ",
            annex=annex.key,
        )
        html = self.env["ir.qweb"]._render(
            "tdkt_emulation.official_document_layout",
            {
                "o": document,
                "doc_type": "TỜ TRÌNH",
                "doc_summary": "Về việc thử",
                "report_type": "html",
            },
        )
        text = " ".join(str(html).split())
        expected = [
            "TỜ TRÌNH",
            "Kính gửi:",
            "- Hội đồng Thi đua - Khen thưởng tỉnh;",
            "- Sở Nội vụ.",
            "CHÁNH THANH TRA",
            "Đậu Trường An",
            "THƯ KÝ",
            "Nông Thị Hằng",
            "Nơi nhận:",
            "- Lưu: VT.",
            "PHỤ LỤC DANH SÁCH",
        ]
        self.assertInOrder(text, expected)

    def test_legal_bases_never_double_can_cu(self):
        document = self.new(
            legal_basis_ids=[
                (
                    0,
                    0,
                    {
                        "sequence": 1,
                        "name": "Căn cứ Luật Thi đua, Khen thưởng năm 2022;",
                    },
                ),
                (0, 0, {"sequence": 2, "name": "căn cứ Nghị định số 98/2023/NĐ-CP"}),
                (0, 0, {"sequence": 3, "name": "Kế hoạch số 241/KH-UBND."}),
            ]
        )
        self.assertEqual(
            document._tdkt_print_legal_bases(),
            [
                (
                    "Căn cứ Luật Thi đua, Khen thưởng năm 2022; Nghị định số "
                    "98/2023/NĐ-CP; Kế hoạch số 241/KH-UBND."
                )
            ],
        )
        document.legal_basis_layout = "lines"
        self.assertEqual(
            document._tdkt_print_legal_bases(),
            [
                "Căn cứ Luật Thi đua, Khen thưởng năm 2022;",
                "Căn cứ Nghị định số 98/2023/NĐ-CP;",
                "Căn cứ Kế hoạch số 241/KH-UBND;",
            ],
        )
