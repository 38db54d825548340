"""The eligibility engine of award proposals.

Each check names the rule it applies (``tdkt.legal.rule``, chosen by its
code and the date of the dossier's submission, so that a dossier submitted
before 01/07/2025 is judged by Decree 98/2023) and reads the nominee's
history from the records (award history, decided and conferred proposals,
the same year's proposals), never from typed text. Everything is loaded for
the whole batch first: the number of queries does not depend on the number
of proposals.
"""

from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields, models

from .tdkt_award_proposal import FACT_FIELDS

# Proposals that count as the nominee's history.
HISTORY_STATES = ("decided", "conferred")
# Proposals of the same year that count as pending titles.
PENDING_STATES = ("draft", "submitted", "council", "approved", "returned")
GOOD_RATINGS = ("htxs", "htt")
RULE_CODES = (
    "EXCL_DISCIPLINE",
    "EXCL_LDTT_RECRUITED",
    "COUNT_MATERNITY",
    "LDTT_RATING",
    "REG_CSTDCS_WITH_LDTT",
    "CSTDCS_MERIT",
    "CSTD_TINH_STREAK",
    "CSTD_TINH_SCOPE",
    "BANG_KHEN_STREAK",
    "GIAY_KHEN_RATING",
    "TTLDTT_CRITERIA",
    "TTLDXS_CRITERIA",
    "AUTHORITY_HEAD",
)


class TdktAwardEligibility(models.AbstractModel):
    _name = "tdkt.award.eligibility"
    _description = "Eligibility Engine of Award Proposals"

    # --- loading, once per batch ------------------------------------------------
    def _tdkt_evaluate(self, proposals, rule_date=None):
        """{proposal id: [check values]} of ``proposals``, judged by the
        rules of ``rule_date`` (the day a dossier is being submitted), else
        of their dossier's submission date, else of today."""
        # sudo: the engine reads the nominees' history and the rules whatever
        # the user's rights on them; only the checks come back.
        proposals = proposals.sudo()
        proposals.fetch(
            [*FACT_FIELDS, "dossier_id", "year", "unit_id", "subject", "state"]
        )
        proposals.dossier_id.fetch(["submitted_date"])
        proposals.award_type_id.fetch(["code", "subject", "conferring_level", "name"])
        context = {
            "rules": self._tdkt_load_rules(),
            "history": self._tdkt_load_history(
                proposals.employee_id,
                proposals.nominee_unit_id | proposals.unit_id,
                min(proposals.mapped("year")) - 10,
                max(proposals.mapped("year")),
            ),
            "members": self._tdkt_load_members(proposals),
            "caps": self._tdkt_load_caps(proposals),
        }
        today = fields.Date.context_today(self)
        results = {}
        for proposal in proposals:
            day = rule_date or proposal.dossier_id.submitted_date or today
            results[proposal.id] = self._tdkt_checks(proposal, day, context)
        return results

    def _tdkt_load_rules(self):
        """{code: [rules, latest first]}; the ratio caps the agency set (a
        rule of kind ratio cap with a value) under 'RATIO_CAP'."""
        rules = defaultdict(list)
        for rule in (
            self.env["tdkt.legal.rule"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search_fetch(
                [
                    "|",
                    ("code", "in", RULE_CODES),
                    "&",
                    ("kind", "=", "ratio_cap"),
                    ("value", ">", 0),
                ],
                ["code", "name", "valid_from", "valid_to", "value", "kind"]
                + ["award_type_ids", "document", "article", "clause"]
                + ["is_agency_config"],
                order="valid_from desc",
            )
        ):
            code = "RATIO_CAP" if rule.kind == "ratio_cap" else rule.code
            rules[code].append(rule)
        return rules

    @staticmethod
    def _tdkt_rule(context, code, day):
        for rule in context["rules"].get(code, ()):
            if rule.valid_from <= day and (not rule.valid_to or rule.valid_to >= day):
                return rule
        return None

    def _tdkt_load_history(self, employees, units, low, high):
        """{(nominee key, award code): {year: reference}} of the nominees
        from ``low`` to ``high``: the history kept, the decided and conferred
        proposals, and the proposals still under way (marked as pending)."""
        history = defaultdict(dict)
        nominee_domain = [
            "|",
            ("employee_id", "in", employees.ids),
            ("unit_id", "in", units.ids),
        ]
        records = (
            self.env["tdkt.award.record"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search_fetch(
                [
                    *nominee_domain,
                    ("year", ">=", low),
                    ("year", "<=", high),
                    ("revoked", "=", False),
                ],
                ["employee_id", "unit_id", "award_type_id", "year", "decision_number"],
            )
        )
        records.award_type_id.fetch(["code"])
        for record in records:
            key = (
                ("e", record.employee_id.id)
                if record.employee_id
                else (
                    "u",
                    record.unit_id.id,
                )
            )
            history[(key, record.award_type_id.code)][record.year] = (
                record.decision_number
            )
        others = (
            self.env["tdkt.award.proposal"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search_fetch(
                [
                    "|",
                    ("employee_id", "in", employees.ids),
                    ("nominee_unit_id", "in", units.ids),
                    ("year", ">=", low),
                    ("year", "<=", high),
                    ("state", "in", HISTORY_STATES + PENDING_STATES),
                    ("revoked", "=", False),
                ],
                ["employee_id", "nominee_unit_id", "award_type_id", "year", "state"],
            )
        )
        others.award_type_id.fetch(["code"])
        for other in others:
            key = (
                ("e", other.employee_id.id)
                if other.employee_id
                else (
                    "u",
                    other.nominee_unit_id.id,
                )
            )
            years_held = history[(key, other.award_type_id.code)]
            if other.state in HISTORY_STATES:
                years_held.setdefault(other.year, True)
            else:
                years_held.setdefault(other.year, "pending")
        return history

    def _tdkt_load_members(self, proposals):
        """{unit id: (members, LĐTT, CSTĐCS)} for each department proposed as
        a collective: its employees, and how many of them hold or are
        proposed for LĐTT and CSTĐCS in the year."""
        collective = proposals.filtered(lambda p: p.subject == "collective")
        return self._tdkt_member_counts(
            collective.nominee_unit_id, list(set(collective.mapped("year")))
        )

    def _tdkt_member_counts(self, units, years):
        """{(unit id, year): (members, LĐTT, CSTĐCS)} for the departments
        among ``units``, in each of ``years``."""
        units = units.filtered(lambda u: u.unit_type == "department")
        if not units:
            return {}
        departments = units.department_ids
        employees = (
            self.env["hr.employee"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search_fetch([("department_id", "in", departments.ids)], ["department_id"])
        )
        by_department = defaultdict(set)
        for employee in employees:
            by_department[employee.department_id.id].add(employee.id)
        held = defaultdict(set)
        for record in (
            self.env["tdkt.award.record"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("year", "in", years),
                    ("revoked", "=", False),
                ],
                ["employee_id", "award_type_id", "year"],
            )
        ):
            held[(record.award_type_id.code, record.year)].add(record.employee_id.id)
        for other in (
            self.env["tdkt.award.proposal"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("year", "in", years),
                    ("state", "!=", "rejected"),
                    ("revoked", "=", False),
                ],
                ["employee_id", "award_type_id", "year"],
            )
        ):
            held[(other.award_type_id.code, other.year)].add(other.employee_id.id)
        members = {}
        for unit in units:
            people = (
                set().union(*(by_department[d.id] for d in unit.department_ids))
                if unit.department_ids
                else set()
            )
            for year in years:
                members[(unit.id, year)] = (
                    len(people),
                    len(people & held[("LDTT", year)]),
                    len(people & held[("CSTDCS", year)]),
                )
        return members

    def _tdkt_load_caps(self, proposals):
        """{(unit id, award id, year): (proposed, staff)} for the ratio caps
        the agency configured."""
        caps = (
            self.env["tdkt.legal.rule"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search_fetch(
                [("kind", "=", "ratio_cap"), ("value", ">", 0)], ["award_type_ids"]
            )
        )
        awards = caps.award_type_ids & proposals.award_type_id
        if not awards:
            return {}
        counts = (
            self.env["tdkt.award.proposal"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            ._read_group(
                [
                    ("unit_id", "in", proposals.unit_id.ids),
                    ("award_type_id", "in", awards.ids),
                    ("year", "in", list(set(proposals.mapped("year")))),
                    ("state", "!=", "rejected"),
                ],
                ["unit_id", "award_type_id", "year"],
                ["__count"],
            )
        )
        staff = dict(
            self.env["hr.employee"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            ._read_group(
                [("department_id", "in", proposals.unit_id.department_ids.ids)],
                ["department_id"],
                ["__count"],
            )
        )
        result = {}
        for unit, award, year, count in counts:
            people = sum(staff.get(d, 0) for d in unit.department_ids)
            result[(unit.id, award.id, year)] = (count, people)
        return result

    # --- the next year -----------------------------------------------------------
    # Titles that rest on a run of titles: (title, what it needs, how many).
    STREAKS = (
        ("CSTD_BO_TINH", "CSTDCS", 3),
        ("BANG_KHEN_BO_TINH_CN", "CSTDCS", 2),
    )

    def _tdkt_next_eligible(self, employees, year):
        """{employee id: [lines]}: for the titles that rest on a run of
        titles, whether each employee may be proposed in ``year`` or which
        years are still missing, read from the history."""
        history = self._tdkt_load_history(
            employees, self.env["tdkt.unit"], year - 10, year
        )
        awards = {
            award.code: award.name
            for award in self.env["tdkt.award.type"]
            # sudo: history, rules, staff: read for the checks only
            .sudo()
            .search(
                [("code", "in", [c for streak in self.STREAKS for c in streak[:2]])]
            )
        }
        result = {}
        for employee in employees:
            lines = []
            for title, needs, count in self.STREAKS:
                held = history.get((("e", employee.id), needs), {})
                run, missing = self._tdkt_streak_years(held, year, count)
                if run:
                    lines.append(
                        self.env._(
                            "%(title)s %(year)s: can be proposed (%(needs)s in "
                            "%(years)s).",
                            title=awards.get(title, title),
                            year=year,
                            needs=awards.get(needs, needs),
                            years=", ".join(str(y) for y in run),
                        )
                    )
                else:
                    lines.append(
                        self.env._(
                            "%(title)s %(year)s: needs %(needs)s in %(years)s.",
                            title=awards.get(title, title),
                            year=year,
                            needs=awards.get(needs, needs),
                            years=", ".join(str(y) for y in missing),
                        )
                    )
            result[employee.id] = lines
        return result

    # Titles and forms of a collective the unit's hint speaks of.
    UNIT_TITLES = (
        "TTLDTT",
        "TTLDXS",
        "GIAY_KHEN_TT",
        "BANG_KHEN_BO_TINH_TT",
        "CO_THI_DUA_BO_TINH",
    )

    def _tdkt_next_eligible_units(self, units, year):
        """{unit id: [lines]}: for a department or member agency, the titles
        and forms of a collective it may be proposed for in ``year`` and
        what is missing, read from its history and, for a department, from
        its members' titles of the year before. The same number of queries
        for one unit as for many."""
        # sudo: history, rules, staff: read for the hints only
        units = units.sudo().filtered(lambda u: u.unit_type in ("department", "agency"))
        if not units:
            return {}
        last = year - 1
        history = self._tdkt_load_history(
            self.env["hr.employee"], units, year - 10, year
        )
        counts = self._tdkt_member_counts(units, [last])
        context = {"rules": self._tdkt_load_rules()}
        today = fields.Date.context_today(self)
        awards = {
            award.code: award.name
            for award in self.env["tdkt.award.type"]
            # sudo: history, rules, staff: read for the hints only
            .sudo()
            .search_fetch([("code", "in", self.UNIT_TITLES)], ["code", "name"])
        }
        ldtt_share = {
            code: (rule.value if rule and rule.value else default)
            for code, default in (("TTLDTT", 0.5), ("TTLDXS", 0.7))
            for rule in [self._tdkt_rule(context, f"{code}_CRITERIA", today)]
        }
        result = {}
        for unit in units:
            stats = counts.get((unit.id, last))
            if stats and stats[0]:
                people, ldtt, cstdcs = stats
                members = self.env._(
                    "in %(last)s, %(ldtt)s of %(people)s members held or were "
                    "proposed for Lao động tiên tiến and %(cstdcs)s for Chiến sĩ "
                    "thi đua cơ sở.",
                    last=last,
                    ldtt=ldtt,
                    people=people,
                    cstdcs=cstdcs,
                )
            else:
                members = self.env._(
                    "its members' titles are not kept here: the proposal gives them."
                )
            title = {
                code: self.env._(
                    "%(title)s %(year)s", title=awards.get(code, code), year=year
                )
                for code in self.UNIT_TITLES
            }
            lines = [
                self.env._(
                    "%(title)s: needs the rating of the year (completed well or "
                    "better) and more than %(share)s%% of its members with Lao động "
                    "tiên tiến; %(members)s",
                    title=title["TTLDTT"],
                    share=round(ldtt_share["TTLDTT"] * 100),
                    members=members,
                ),
                self.env._(
                    "%(title)s: needs the rating of the year (completed "
                    "excellently), at least %(share)s%% of its members with Lao "
                    "động tiên tiến and one with Chiến sĩ thi đua cơ sở; "
                    "%(members)s",
                    title=title["TTLDXS"],
                    share=round(ldtt_share["TTLDXS"] * 100),
                    members=members,
                ),
                self.env._(
                    "%(title)s: needs the rating of the year (completed well or "
                    "better) and achievements in the movement.",
                    title=title["GIAY_KHEN_TT"],
                ),
            ]
            held = history.get((("u", unit.id), "TTLDXS"), {})
            run, missing = self._tdkt_streak_years(held, year, 2)
            if run:
                lines.append(
                    self.env._(
                        "%(title)s: can be proposed (completed excellently, "
                        "%(needs)s in %(years)s).",
                        title=title["BANG_KHEN_BO_TINH_TT"],
                        needs=awards.get("TTLDXS", "TTLDXS"),
                        years=", ".join(str(y) for y in run),
                    )
                )
            else:
                lines.append(
                    self.env._(
                        "%(title)s: needs two consecutive years completed "
                        "excellently (%(needs)s in %(years)s).",
                        title=title["BANG_KHEN_BO_TINH_TT"],
                        needs=awards.get("TTLDXS", "TTLDXS"),
                        years=", ".join(str(y) for y in missing),
                    )
                )
            lines.append(
                self.env._(
                    "%(title)s: only for the collective leading its emulation "
                    "cluster or block (Law 2022, art. 26).",
                    title=title["CO_THI_DUA_BO_TINH"],
                )
            )
            result[unit.id] = lines
        return result

    # --- the checks -------------------------------------------------------------
    def _tdkt_checks(self, proposal, day, context):
        checks = []
        code = proposal.award_type_id.code

        def add(rule_code, status, detail):
            rule = self._tdkt_rule(context, rule_code, day)
            if rule is None:
                return
            checks.append(self._tdkt_check_values(rule, status, detail))

        individual = proposal.subject == "individual"
        self._tdkt_check_discipline(proposal, add)
        if code == "LDTT":
            self._tdkt_check_rating(proposal, add, "LDTT_RATING", GOOD_RATINGS)
            self._tdkt_check_recruited(proposal, add, day, context)
        elif code == "CSTDCS":
            self._tdkt_check_cstdcs(proposal, add, context)
        elif code == "CSTD_BO_TINH":
            self._tdkt_check_streak(
                proposal, add, context, "CSTD_TINH_STREAK", "CSTDCS", 3, day
            )
            self._tdkt_check_scope(proposal, add)
        elif code in ("BANG_KHEN_BO_TINH_CN", "BANG_KHEN_TONG_TTCP_CN"):
            self._tdkt_check_streak(
                proposal, add, context, "BANG_KHEN_STREAK", "CSTDCS", 2, day
            )
        elif code in ("GIAY_KHEN_CN", "GIAY_KHEN_TT"):
            self._tdkt_check_rating(proposal, add, "GIAY_KHEN_RATING", GOOD_RATINGS)
        elif code in ("TTLDTT", "TTLDXS"):
            self._tdkt_check_collective(proposal, add, context, code, day)
        if individual and proposal.maternity_leave:
            add(
                "COUNT_MATERNITY",
                "info",
                self.env._("Maternity leave is counted as working time."),
            )
        self._tdkt_check_cap(proposal, checks, context, day)
        self._tdkt_check_authority(proposal, add)
        return checks

    def _tdkt_check_values(self, rule, status, detail):
        start = rule.valid_from.strftime("%d/%m/%Y")
        end = rule.valid_to.strftime("%d/%m/%Y") if rule.valid_to else "…"
        return {
            "code": rule.code,
            "rule_id": rule.id,
            "name": rule.name,
            "basis": f"{rule.basis}; {start} - {end}",
            "status": status,
            "detail": detail,
        }

    def _tdkt_check_discipline(self, proposal, add):
        year = proposal.year
        disciplined = proposal.discipline != "none" and (
            not proposal.discipline_date or proposal.discipline_date.year == year
        )
        if proposal.under_investigation:
            add(
                "EXCL_DISCIPLINE",
                "fail",
                self.env._("Under investigation or disciplinary review."),
            )
        elif disciplined and proposal.subject == "individual":
            add(
                "EXCL_DISCIPLINE",
                "fail",
                self.env._("Disciplined in %(year)s.", year=year),
            )
        else:
            add(
                "EXCL_DISCIPLINE",
                "pass",
                self.env._("No discipline or investigation recorded."),
            )

    def _tdkt_check_rating(self, proposal, add, rule_code, ratings):
        if not proposal.performance_rating:
            add(rule_code, "needs_data", self.env._("Give the rating of the year."))
        elif proposal.performance_rating in ratings:
            add(rule_code, "pass", self._tdkt_rating_label(proposal))
        else:
            add(rule_code, "fail", self._tdkt_rating_label(proposal))

    def _tdkt_rating_label(self, proposal):
        ratings = dict(
            proposal._fields["performance_rating"]._description_selection(self.env)
        )
        return self.env._(
            "Rated '%(rating)s'.", rating=ratings[proposal.performance_rating]
        )

    def _tdkt_check_recruited(self, proposal, add, day, context):
        rule = self._tdkt_rule(context, "EXCL_LDTT_RECRUITED", day)
        if rule is None or not proposal.employee_id:
            return
        if not proposal.start_date:
            add(
                "EXCL_LDTT_RECRUITED",
                "needs_data",
                self.env._("Give the start date in the agency."),
            )
            return
        months = int(rule.value or 6)
        year_end = date(proposal.year, 12, 31)
        if proposal.start_date + relativedelta(months=months) > year_end:
            add(
                "EXCL_LDTT_RECRUITED",
                "fail",
                self.env._(
                    "Recruited on %(date)s: less than %(months)s months in %(year)s.",
                    date=proposal.start_date.strftime("%d/%m/%Y"),
                    months=months,
                    year=proposal.year,
                ),
            )
        else:
            add(
                "EXCL_LDTT_RECRUITED",
                "pass",
                self.env._(
                    "Recruited on %(date)s.",
                    date=proposal.start_date.strftime("%d/%m/%Y"),
                ),
            )

    def _tdkt_nominee_key(self, proposal):
        if proposal.employee_id:
            return ("e", proposal.employee_id.id)
        if proposal.nominee_unit_id:
            return ("u", proposal.nominee_unit_id.id)
        return None

    def _tdkt_check_cstdcs(self, proposal, add, context):
        key = self._tdkt_nominee_key(proposal)
        year = proposal.year
        if key is None:
            add(
                "REG_CSTDCS_WITH_LDTT",
                "needs_data",
                self.env._("No history is kept for people of member agencies."),
            )
        else:
            held = context["history"].get((key, "LDTT"), {}).get(year)
            if held is None:
                add(
                    "REG_CSTDCS_WITH_LDTT",
                    "fail",
                    self.env._(
                        "No Lao động tiên tiến in %(year)s, neither awarded nor "
                        "proposed.",
                        year=year,
                    ),
                )
            elif held == "pending":
                add(
                    "REG_CSTDCS_WITH_LDTT",
                    "pass",
                    self.env._(
                        "Proposed for Lao động tiên tiến in %(year)s.", year=year
                    ),
                )
            else:
                add(
                    "REG_CSTDCS_WITH_LDTT",
                    "pass",
                    self.env._("Lao động tiên tiến in %(year)s.", year=year),
                )
        if proposal.performance_rating == "htxs":
            add("CSTDCS_MERIT", "pass", self._tdkt_rating_label(proposal))
        elif proposal.innovation_kind and (proposal.innovation_reference or "").strip():
            add(
                "CSTDCS_MERIT",
                "pass",
                self.env._(
                    "Recognised: %(reference)s.",
                    reference=proposal.innovation_reference,
                ),
            )
        elif not proposal.performance_rating:
            add(
                "CSTDCS_MERIT",
                "needs_data",
                self.env._(
                    "Give the rating of the year, or the recognised initiative "
                    "or research with its reference."
                ),
            )
        else:
            add(
                "CSTDCS_MERIT",
                "fail",
                self.env._(
                    "Not rated 'completed tasks excellently' and no recognised "
                    "initiative or research."
                ),
            )

    def _tdkt_streak_years(self, held, year, count):
        """The years of ``count`` consecutive titles ending ``year`` or the
        year before, or None; and the missing years of the run ending
        ``year``."""
        for end in (year, year - 1):
            run = list(range(end - count + 1, end + 1))
            if all(held.get(y) is not None for y in run):
                return run, []
        run = list(range(year - count + 1, year + 1))
        return None, [y for y in run if held.get(y) is None]

    def _tdkt_check_streak(self, proposal, add, context, rule_code, title, count, day):
        rule = self._tdkt_rule(context, rule_code, day)
        if rule is None:
            return
        count = int(rule.value or count)
        key = self._tdkt_nominee_key(proposal)
        if key is None:
            add(
                rule_code,
                "needs_data",
                self.env._("No history is kept for people of member agencies."),
            )
            return
        held = context["history"].get((key, title), {})
        run, missing = self._tdkt_streak_years(held, proposal.year, count)
        years = ", ".join(str(y) for y in sorted(held) if held[y] is not None)
        if run:
            add(
                rule_code,
                "pass",
                self.env._(
                    "%(title)s in %(years)s.",
                    title=title,
                    years=", ".join(str(y) for y in run),
                ),
            )
            return
        status = "needs_data" if rule_code == "BANG_KHEN_STREAK" else "fail"
        add(
            rule_code,
            status,
            self.env._(
                "%(count)s consecutive %(title)s needed; held in: %(years)s; "
                "missing: %(missing)s.",
                count=count,
                title=title,
                years=years or "-",
                missing=", ".join(str(y) for y in missing),
            ),
        )

    def _tdkt_check_scope(self, proposal, add):
        if not proposal.innovation_kind or not proposal.innovation_scope:
            add(
                "CSTD_TINH_SCOPE",
                "needs_data",
                self.env._("Give the recognised initiative or research and its scope."),
            )
        elif proposal.innovation_scope in ("ministry_province", "national"):
            add(
                "CSTD_TINH_SCOPE",
                "pass",
                self.env._(
                    "Recognised: %(reference)s.",
                    reference=proposal.innovation_reference or "-",
                ),
            )
        else:
            add(
                "CSTD_TINH_SCOPE",
                "fail",
                self.env._(
                    "Recognised only within the agency; the ministry or province "
                    "must recognise its scope."
                ),
            )

    def _tdkt_check_collective(self, proposal, add, context, code, day):
        rule_code = f"{code}_CRITERIA"
        excellent = code == "TTLDXS"
        ratings = ("htxs",) if excellent else GOOD_RATINGS
        problems, missing = [], []
        if not proposal.performance_rating:
            missing.append(self.env._("the rating of the year"))
        elif proposal.performance_rating not in ratings:
            problems.append(self._tdkt_rating_label(proposal))
        if proposal.discipline == "warning":
            problems.append(
                self.env._("A member was disciplined with a warning or higher.")
            )
        stats = context["members"].get((proposal.nominee_unit_id.id, proposal.year))
        rule = self._tdkt_rule(context, rule_code, day)
        if rule is None:
            return
        share = rule.value or (0.7 if excellent else 0.5)
        if not stats or not stats[0]:
            missing.append(self.env._("the unit's members"))
        else:
            people, ldtt, cstdcs = stats
            enough = ldtt / people >= share if excellent else ldtt / people > share
            if not enough:
                problems.append(
                    self.env._(
                        "%(ldtt)s of %(people)s members hold or are proposed for Lao "
                        "động tiên tiến.",
                        ldtt=ldtt,
                        people=people,
                    )
                )
            if excellent and not cstdcs:
                problems.append(
                    self.env._(
                        "No member holds or is proposed for Chiến sĩ thi đua cơ sở."
                    )
                )
        if problems:
            add(rule_code, "fail", " ".join(problems))
        elif missing:
            add(
                rule_code,
                "needs_data",
                self.env._("Give %(missing)s.", missing=", ".join(missing)),
            )
        else:
            people, ldtt, _cstdcs = stats
            add(
                rule_code,
                "pass",
                self.env._(
                    "%(ldtt)s of %(people)s members hold or are proposed for Lao "
                    "động tiên tiến.",
                    ldtt=ldtt,
                    people=people,
                ),
            )

    def _tdkt_check_cap(self, proposal, checks, context, day):
        for rule in context["rules"].get("RATIO_CAP", ()):
            if proposal.award_type_id not in rule.award_type_ids or not (
                rule.valid_from <= day and (not rule.valid_to or rule.valid_to >= day)
            ):
                continue
            count, people = context["caps"].get(
                (proposal.unit_id.id, proposal.award_type_id.id, proposal.year), (0, 0)
            )
            allowed = int(people * rule.value)
            status = "pass" if count <= allowed else "fail"
            checks.append(
                self._tdkt_check_values(
                    rule,
                    status,
                    self.env._(
                        "%(count)s proposed in the unit for at most %(allowed)s "
                        "(%(share)s%% of %(people)s).",
                        count=count,
                        allowed=allowed,
                        share=round(rule.value * 100),
                        people=people,
                    ),
                )
            )

    def _tdkt_check_authority(self, proposal, add):
        award = proposal.award_type_id
        if award.conferring_level == "unit":
            add(
                "AUTHORITY_HEAD",
                "info",
                self.env._("The head of the agency confers it."),
            )
        else:
            add(
                "AUTHORITY_HEAD",
                "info",
                self.env._(
                    "Conferred by a higher level: once approved, the Chief forwards "
                    "it upward."
                ),
            )
