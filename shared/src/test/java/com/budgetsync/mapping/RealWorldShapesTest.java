package com.budgetsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.normalize.NormalizeOptions;
import com.budgetsync.parsing.DataRow;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.TableLayout;
import com.budgetsync.parsing.TableReader;
import com.budgetsync.rows.CollectingSink;
import com.budgetsync.rows.RowNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes of published budget files (issue 14), each in the smallest file that shows it. */
class RealWorldShapesTest {
    private final ColumnMapper mapper = new ColumnMapper();

    @Test
    void aCodeColumnWithLeadingZerosNeverTakesTheAmount() {
        MappingResult result = map(List.of("Fund", "Department", "Year", "Total"), "0110,Parks,2024,125000.50",
                "0120,Parks,2024,9800", "0130,Police,2024,2300000", "0140,Police,2024,41000.75");
        assertEquals("Total", result.mapping().amount().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aColumnNamedAsACodeNeverTakesTheAmountEvenWhenItsValuesLookLikeOne() {
        // One unit's code repeated down the column reads as a flat amount; the header says it is a code.
        MappingResult result = map(List.of("Year", "Unit Code", "Unit", "Figure"), "2026,1071,Military Office,60405.76",
                "2026,1071,Military Office,11558.77", "2026,1071,Military Office,7222.64",
                "2026,1071,Military Office,3376.80");
        assertEquals("Figure", result.mapping().amount().column());
        assertTrue(result.mapping().amount().alternatives().stream().noneMatch(a -> a.column().equals("Unit Code")),
                result.mapping().amount().alternatives().toString());
    }

    @Test
    void earlierYearsBesideTheRecommendationAreNotTheBudgetAndALoneCodeNamesTheDepartment() {
        MappingResult result = map(List.of("Year", "Dept Number", "Account Description", "Recommendation",
                        "Previous Year Revised", "Earlier Year Expenditures"),
                "2013,001,Salaries,5322699,5142155,5764934", "2013,001,Overtime,120000,110000,98000",
                "2013,005,Salaries,812000,790000,801000", "2013,005,Supplies,40500,39000,41200");
        assertEquals("Recommendation", result.mapping().amount().column());
        assertEquals("Dept Number", result.mapping().department().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aPluralHeaderNamesWhatItsSingularNames() {
        MappingResult result = map(List.of("category", "agencies", "initiative", "amount"),
                "CHILDREN SERVICES,ACS,Child Care Restoration,8000000", "CHILDREN SERVICES,ACS,Child Safety,3700000",
                "HEALTH,DOHMH,Asthma Programs,500000", "HEALTH,DOHMH,Cancer Screening,1200000",
                "YOUTH,DYCD,Summer Jobs,2500000", "YOUTH,DYCD,Beacon Schools,900000");
        assertEquals("agencies", result.mapping().department().column());
        assertTrue(result.mapping().department().confidence() >= 0.9, result.mapping().department().reason());
    }

    @Test
    void aSuffixGluedOnInLowerCaseNamesTheSameThing() {
        MappingResult result = map(List.of("fiscalyear", "deptname", "accountname", "amount"),
                "2024,Parks,Salaries,1000", "2024,Parks,Supplies,2000", "2024,Police,Salaries,3000",
                "2024,Police,Vehicles,4000", "2024,Library,Books,500", "2024,Library,Salaries,600");
        assertEquals("deptname", result.mapping().department().column());
        assertEquals("accountname", result.mapping().subCategory().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void numberedLevelsWithAQualifierInBracketsAreOrganisationLevels() {
        MappingResult result = map(List.of("Betrag", "Jahr", "Ebene 1 – Bezeichnung (Produktgruppe)",
                        "Ebene 2 – Bezeichnung (Profitcenter)"),
                "24162.64,2016,Soziale Leistungen,Soziale Einrichtungen", "1200,2016,Soziale Leistungen,Jugendhilfe",
                "5300.5,2016,Soziale Leistungen,Jugendhilfe", "880,2016,Bauen,Hochbau", "91000,2016,Bauen,Tiefbau",
                "450,2016,Bauen,Hochbau");
        assertEquals("Ebene 1 – Bezeichnung (Produktgruppe)", result.mapping().department().column());
        assertEquals("Ebene 2 – Bezeichnung (Profitcenter)", result.mapping().subCategory().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void oneNameInTwoLanguagesIsNoQuestion() {
        MappingResult result = map(List.of("Ministry EN", "Ministry GE", "budget", "year"),
                "Agriculture,სოფლის მეურნეობა,119998200,2012", "Judicial System,სასამართლო სისტემა,47465600,2012",
                "Defence,თავდაცვა,1404067800,2012", "Agriculture,სოფლის მეურნეობა,241000000,2013",
                "Judicial System,სასამართლო სისტემა,46720600,2013", "Defence,თავდაცვა,1455698000,2013");
        assertEquals("Ministry EN", result.mapping().department().column());
        assertNull(result.mapping().subCategory(), "the same ministries in Georgian are no level below them");
        assertTrue(result.questions().stream().noneMatch(q -> q.field() == TargetField.DEPARTMENT),
                result.problems().toString());
    }

    @Test
    void twoCharacterJapaneseNamesAreLabelsAndSmallWholeNumbersAreNoMoney() {
        // 区分 (a classification number) and X (an unreadable header) both hold digits; only X holds money.
        MappingResult result = map(List.of("部局", "区分", "年度", "X"), "総務,7,2024,1250000", "総務,12,2024,98000",
                "財務,3,2024,4500000", "財務,41,2024,230000", "教育,118,2024,1900000", "教育,9,2024,75000");
        assertEquals("部局", result.mapping().department().column());
        assertEquals("X", result.mapping().amount().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aBudgetInMillionsOfSmallWholeNumbersStillImportsUnderAnAmountHeader() {
        MappingResult result = map(List.of("Ministry", "Year", "Value"), "Health,2024,12", "Health,2025,15",
                "Defence,2024,450", "Defence,2025,470", "Education,2024,87", "Education,2025,91");
        assertEquals("Value", result.mapping().amount().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void approvedBudgetsOfOneWidthAreNoCodesAndAFunctionalColumnIsNoOrganisationLevel() {
        // BOOST-style: Admin1..3 levels, a functional column of one value, Approved beside Executed, every approved
        // amount seven digits wide.
        MappingResult result = map(List.of("Year", "Admin1", "Admin2", "Admin3", "Function1", "Approved", "Executed"),
                "2013,GOBIERNO NACIONAL,EDUCACION,MINISTERIO DE EDUCACION,PLANEAMIENTO,1000000,900000",
                "2013,GOBIERNO NACIONAL,EDUCACION,UNIVERSIDAD SAN MARCOS,PLANEAMIENTO,1123457,945678",
                "2013,GOBIERNO NACIONAL,SALUD,MINISTERIO DE SALUD,PLANEAMIENTO,1246914,991356",
                "2013,GOBIERNO NACIONAL,SALUD,INSTITUTO NACIONAL DE SALUD,PLANEAMIENTO,1370371,1037034",
                "2013,GOBIERNO NACIONAL,DEFENSA,MINISTERIO DE DEFENSA,PLANEAMIENTO,1493828,1082712",
                "2013,GOBIERNO NACIONAL,DEFENSA,EJERCITO PERUANO,PLANEAMIENTO,1617285,1128390");
        assertEquals("Approved", result.mapping().amount().column());
        assertEquals("Admin2", result.mapping().department().column());
        assertEquals("Admin3", result.mapping().subCategory().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aStateColumnBesideTheAdministrativeLevelsIsATerritoryAndProgrammeCodesAreNoMonths() {
        // Mexico's Cuenta Pública: ramo > unidad responsable, the federal state the money goes to, programme codes.
        MappingResult result = map(List.of("CICLO", "DESC_RAMO", "DESC_UR", "ID_PP", "ENTIDAD_FEDERATIVA",
                        "MONTO_APROBADO", "MONTO_PAGADO"),
                "2015,Gobernación,Secretaría,M001,Distrito Federal,1234567,1100000",
                "2015,Gobernación,Unidad de Política Migratoria,E008,Distrito Federal,2222221,1171234",
                "2015,Hacienda y Crédito Público,Secretaría,M001,Distrito Federal,3209875,1242468",
                "2015,Hacienda y Crédito Público,Subsecretaría de Hacienda,P001,Distrito Federal,4197529,1313702",
                "2015,Salud,Oficialía Mayor,M001,Distrito Federal,5185183,1384936",
                "2015,Salud,Comisión Coordinadora de Institutos,E010,Distrito Federal,6172837,1456170");
        assertEquals("DESC_RAMO", result.mapping().department().column());
        assertEquals("CICLO", result.mapping().fiscalPeriod().column());
        assertEquals("MONTO_APROBADO", result.mapping().amount().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aSectorGroupingIsNoOrganisationLevelAndATerritoryWordIsNoTypoOfAnotherLanguagesDepartment() {
        // BOOST exports: SECTOR1 groups ministries by policy area, ADMIN1 > ADMIN2 are the organisation.
        MappingResult boost = map(List.of("YEAR", "SECTOR1", "ADMIN1", "ADMIN2", "APPROVED", "PAID"),
                "2012,SOCIAL,MINISTERE DE LA SANTE,DIRECTION DES HOPITAUX,12500000,10700000",
                "2012,SOCIAL,MINISTERE DE LA SANTE,DIRECTION DES ETUDES,15877777,11777777",
                "2012,SOCIAL,MINISTERE DE L'EDUCATION,DIRECTION REGIONALE CENTRE,19255554,12855554",
                "2012,SOCIAL,MINISTERE DE L'EDUCATION,DIRECTION REGIONALE NORD,22633331,13933331",
                "2012,SECURITE,MINISTERE DE LA DEFENSE,ETAT-MAJOR,26011108,15011108",
                "2012,SECURITE,MINISTERE DE LA DEFENSE,GENDARMERIE,29388885,16088885");
        assertEquals("ADMIN1", boost.mapping().department().column());
        // "Provincia" is a Spanish territory, not a misspelt Dutch "provincie" (a department word there).
        MappingResult territory = map(List.of("Ciclo", "PROVINCIA", "Monto"), "2017,SANTO DOMINGO,5231000",
                "2017,SANTIAGO,5944313", "2017,LA VEGA,6657626", "2017,SANTO DOMINGO,7370939");
        assertTrue(territory.mapping().department() == null
                || !"PROVINCIA".equals(territory.mapping().department().column())
                || territory.needsReview(), territory.mapping().department().reason());
    }

    @Test
    void oneOrganisationNamedInFullBesideItsAbbreviationIsTheFullName() {
        MappingResult result = map(List.of("Departmental Family", "Entity", "Date", "Expense Area", "Amount"),
                "CAB,CABINET OFFICE,2019-06-11,GCS INTERNATIONAL,32861.00",
                "CAB,CABINET OFFICE,2019-06-17,CO HR PAY & REWARD TEAM,40957.75",
                "CAB,CABINET OFFICE,2019-06-28,DIGITAL & TECHNOLOGY TEAM,49583.48",
                "CAB,CABINET OFFICE,2019-06-28,GOVERNMENT PROPERTY AGENCY,27120.00");
        assertEquals("Entity", result.mapping().department().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aProvinceBesideTheMunicipalitiesIsWhereTheyLie() {
        MappingResult result = map(List.of("Gemeenten", "Taakveld", "Lasten", "Provincie"),
                "'s-Gravenhage,0.1 Bestuur,25585.0,Zuid-Holland",
                "'s-Gravenhage,0.2 Burgerzaken,8390.0,Zuid-Holland", "'s-Gravenhage,0.3 Beheer,1200.5,Zuid-Holland",
                "'s-Gravenhage,0.4 Overhead,99035.0,Zuid-Holland");
        assertEquals("Gemeenten", result.mapping().department().column());
        assertTrue(result.mapping().department().reason().contains("territory 'Provincie'"),
                result.mapping().department().reason());
    }

    @Test
    void theOnlyColumnOfRepeatingNamesHoldsTheBudgetsWhateverItsHeaderButASupplierNever() {
        String[] rows = {"Agriculture,119998200,2012", "Judicial System,47465600,2012", "Defence,1404067800,2012",
            "Agriculture,241000000,2013", "Judicial System,46720600,2013", "Defence,1455698000,2013"};
        MappingResult unread = map(List.of("priorityEn", "budget", "year"), rows);
        assertEquals("priorityEn", unread.mapping().department().column());
        assertFalse(unread.needsReview(), unread.problems().toString());
        MappingResult ledger = map(List.of("Supplier", "budget", "year"), rows);
        assertTrue(ledger.needsReview(), "a supplier is who was paid, not who holds the budget");
        MappingResult lines = map(List.of("Account", "budget", "year"), rows);
        assertTrue(lines.needsReview(), "an account names a budget line, not its holder");
    }

    @Test
    void periodColumnsWithWordsAreAWideExportAndActualsAreLeftOut() {
        MappingResult result = map(List.of("Department", "FY2019 Actual", "FY2020 Adopted", "FY2021 Adopted"),
                "Parks,100,110,120", "Police,200,210,220");
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("FY2020 Adopted", "FY2021 Adopted"), result.mapping().fiscalPeriod().columns());
        assertTrue(result.mapping().fiscalPeriod().reason().contains("'FY2019 Actual' (actual amounts)"),
                result.mapping().fiscalPeriod().reason());
        assertEquals(List.of("Parks|FY2020|110", "Parks|FY2021|120"), normalised(result, "Parks,100,110,120"));
    }

    @Test
    void budgetAndRevisedEstimatesByYearAreBudgetsAndActualsAreLeftOut() {
        MappingResult result = map(List.of("Ministry", "Actuals 2021-22", "BE 2022-23", "RE 2022-23", "BE 2023-24"),
                "Defence,1000,1100,1150,1200", "Health,500,520,515,560");
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("BE 2022-23", "BE 2023-24"), result.mapping().fiscalPeriod().columns());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aFrenchPrimitiveBudgetIsImportedAndTheAdministrativeAccountLeftOut() {
        MappingResult result = map(List.of("Service", "Nature", "BP 2024", "CA 2023"),
                "Voirie,Fournitures,120000,98000", "Culture,Subventions,45000,47000");
        assertEquals(List.of("BP 2024"), result.mapping().fiscalPeriod().columns());
        assertTrue(result.mapping().fiscalPeriod().reason().contains("'CA 2023' (actual amounts)"),
                result.mapping().fiscalPeriod().reason());
    }

    @Test
    void outturnsAndEarlierSpendingBesideTheEstimatesAreLeftOut() {
        MappingResult plans = map(List.of("Department", "2022-23 Outturn", "2023-24 Forecast Outturn", "2024-25 Plans"),
                "Health,1000,1100,1200", "Defence,2000,2100,2200");
        assertEquals(List.of("2024-25 Plans"), plans.mapping().fiscalPeriod().columns());
        MappingResult estimates = map(List.of("Department", "Main Estimates 2024-25", "Expenditures 2022-23"),
                "Health,1000,950", "Defence,2000,1990");
        assertEquals(List.of("Main Estimates 2024-25"), estimates.mapping().fiscalPeriod().columns());
        MappingResult spendingOnly = map(List.of("Sección", "Gastos 2024", "Gastos 2025"), "Cultura,1000,1100",
                "Deportes,2000,2100");
        assertEquals(List.of("Gastos 2024", "Gastos 2025"), spendingOnly.mapping().fiscalPeriod().columns());
    }

    @Test
    void codesThatLookLikeYearsUnderAnotherFieldsHeaderAreNoPeriodAndTheYearInTheAmountHeaderIs() {
        MappingResult result = map(List.of("DEPARTMENT DESCRIPTION", "APPROPRIATION AUTHORITY",
                        "APPROPRIATION ACCOUNT DESCRIPTION", "2024 ORDINANCE (AMOUNT $)"),
                "OFFICE OF THE MAYOR,2005,SALARIES AND WAGES,5322699", "OFFICE OF THE MAYOR,2005,POSTAGE,12000",
                "OFFICE OF BUDGET AND MANAGEMENT,2010,SALARIES AND WAGES,2100450",
                "OFFICE OF BUDGET AND MANAGEMENT,2010,POSTAGE,3500",
                "DEPARTMENT OF WATER MANAGEMENT,2015,SALARIES AND WAGES,98000231",
                "DEPARTMENT OF WATER MANAGEMENT,2015,REPAIR,75000");
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("2024 ORDINANCE (AMOUNT $)"), result.mapping().fiscalPeriod().columns());
    }

    @Test
    void cjkMonthColumnsTakeTheYearFromTheYearColumn() {
        MappingResult result = map(List.of("부서", "연도", "1월", "2월", "3월"), "총무과,2025,10,11,12", "재무과,2025,20,21,22");
        assertFalse(result.needsReview(), result.problems().toString());
        assertEquals(List.of("총무과|2025-01|10", "총무과|2025-02|11", "총무과|2025-03|12"),
                normalised(result, "총무과,2025,10,11,12"));
    }

    @Test
    void ofTwoBudgetGroupsForTheSameYearsTheOneNamedExactlyAsABudgetIsImported() {
        MappingResult result = map(List.of("שם סעיף", "2013 הוצאה נטו", "2013 הוצאה מותנית בהכנסה", "2014 הוצאה נטו",
                "2014 הוצאה מותנית בהכנסה"), "הכנסות המדינה,100,5,110,6", "משרד הביטחון,200,7,210,8");
        assertEquals(List.of("2013 הוצאה נטו", "2014 הוצאה נטו"), result.mapping().fiscalPeriod().columns());
        assertTrue(result.questions().stream().noneMatch(q -> q.field() == TargetField.AMOUNT),
                result.problems().toString());
    }

    @Test
    void erpPeriodNumbersTakeTheYearFromTheYearColumn() {
        MappingResult result = map(List.of("Cost Center", "Year", "Period 1", "Period 2", "Period 3"),
                "Parks,2025,10,11,12", "Police,2025,20,21,22");
        assertFalse(result.needsReview(), result.problems().toString());
        assertEquals(List.of("Parks|2025-01|10", "Parks|2025-02|11", "Parks|2025-03|12"),
                normalised(result, "Parks,2025,10,11,12"));
    }

    @Test
    void japaneseEraYearsInBudgetHeadersAreAWideExportAndSettledAccountsAreLeftOut() {
        MappingResult result = map(List.of("所管", "令和4年度決算額", "令和5年度予算額", "令和6年度予算額"),
                "総務課,1000,1100,1200", "財政課,500,520,560");
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("令和5年度予算額", "令和6年度予算額"), result.mapping().fiscalPeriod().columns());
        assertEquals(List.of("総務課|FY2024|1200"), normalised(result, "総務課,1000,1100,1200").subList(1, 2));
    }

    @Test
    void monthsWithoutAYearTakeItFromTheFileName() {
        MappingResult result = mapper.map(List.of("Department", "Jan", "Feb", "Mar"),
                rows("Parks,10,11,12", "Police,20,21,22"), new FileContext("budget_2024.csv", List.of()),
                MappingOptions.DEFAULT);
        assertFalse(result.needsReview(), result.problems().toString());
        assertEquals("FY2024", result.mapping().fiscalPeriod().fixed());
        assertTrue(result.mapping().fiscalPeriod().reason().contains("the file name 'budget_2024.csv'"));
        assertEquals(List.of("Parks|2024-01|10", "Parks|2024-02|11", "Parks|2024-03|12"),
                normalised(result, "Parks,10,11,12"));
    }

    @Test
    void monthsWithNoYearAnywhereAskForTheFiscalYearUntilTheConfigGivesIt() {
        List<String> headers = List.of("Department", "Enero", "Febrero");
        MappingResult asked = mapper.map(headers, rows("Parks,10,11", "Police,20,21"), MappingOptions.DEFAULT);
        assertTrue(asked.needsReview());
        ReviewQuestion question = asked.questions().get(0);
        assertEquals(TargetField.FISCAL_PERIOD, question.field());
        assertTrue(question.question().contains("fiscalYear"), question.question());

        MappingResult given = mapper.map(headers, rows("Parks,10,11", "Police,20,21"),
                new MappingOptions(Map.of(), 0.7, 2025));
        assertFalse(given.needsReview(), given.problems().toString());
        assertEquals(List.of("Parks|2025-01|10", "Parks|2025-02|11"), normalised(given, "Parks,10,11"));
    }

    @Test
    void aSpanishBudgetMapsFromItsOwnWords() {
        MappingResult result = map(List.of("Sección", "Año", "Partida", "Presupuesto aprobado"),
                "Hacienda,2024,Personal,100000", "Hacienda,2024,Material,2500.5", "Cultura,2024,Personal,80000");
        assertFalse(result.needsReview(), result.problems().toString());
        assertEquals("Sección", result.mapping().department().column());
        assertEquals("Año", result.mapping().fiscalPeriod().column());
        assertEquals("Presupuesto aprobado", result.mapping().amount().column());
        assertEquals("Partida", result.mapping().subCategory().column());
    }

    @Test
    void theTopOrganisationLevelIsTheDepartmentAndTheNextTheSubCategory() {
        MappingResult result = map(List.of("Ministry", "Agency", "Year", "Amount"),
                "Health,Hospitals,2024,100", "Health,Clinics,2024,200", "Education,Schools,2024,300",
                "Education,Universities,2024,400");
        assertEquals("Ministry", result.mapping().department().column());
        assertTrue(result.mapping().department().reason().contains("top of the organisation levels"));
        assertEquals("Agency", result.mapping().subCategory().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aCodeColumnBesideItsLabelsGivesWayToTheLabels() {
        MappingResult result = map(List.of("CC_No", "Cost Center", "Period", "Budget"),
                "101,Parks,FY2024,100", "101,Parks,FY2024,200", "102,Police,FY2024,300", "102,Police,FY2024,400",
                "103,Library,FY2024,500", "103,Library,FY2024,600");
        assertEquals("Cost Center", result.mapping().department().column());
    }

    @Test
    void amongSubCategoriesOfEqualEvidenceTheProgrammeComesBeforeTheAccountLineAndTheFunction() {
        MappingResult result = map(List.of("Sección", "Año", "Función", "Programa", "Concepto", "Importe"),
                "Alcaldía,2024,Servicios generales,Órganos de gobierno,Retribuciones,125000",
                "Alcaldía,2024,Servicios generales,Administración general,Material de oficina,9800",
                "Cultura,2024,Cultura,Bibliotecas,Retribuciones,450000",
                "Cultura,2024,Cultura,Fiestas populares,Suministros,23000",
                "Deportes,2024,Deporte,Instalaciones deportivas,Suministros,19000",
                "Deportes,2024,Deporte,Promoción del deporte,Transferencias,7500");
        assertEquals("Programa", result.mapping().subCategory().column());
        assertTrue(result.mapping().subCategory().reason().contains("a programme comes before"),
                result.mapping().subCategory().reason());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void twoAccountColumnsOfEqualEvidenceAreStillAQuestion() {
        MappingResult result = map(List.of("Department", "Year", "Account", "Object", "Amount"),
                "Health,2024,Salaries,Nurses,1250000", "Health,2024,Supplies,Drugs,98000",
                "Education,2024,Salaries,Teachers,4500000", "Education,2024,Supplies,Books,230000",
                "Defence,2024,Equipment,Vehicles,1900000", "Defence,2024,Salaries,Soldiers,75000");
        assertTrue(result.questions().stream().anyMatch(q -> q.field() == TargetField.SUB_CATEGORY),
                result.problems().toString());
    }

    @Test
    void ofTwoNumberedLevelsOfOneClassificationTheCoarserIsTheSubCategory() {
        MappingResult result = map(List.of("Department", "Year", "func1", "func3", "Amount"),
                "Health,2024,Health,Hospitals,1250000", "Health,2024,Health,Clinics,98000",
                "Education,2024,Education,Primary,4500000", "Education,2024,Education,Secondary,230000",
                "Defence,2024,Defence,Army,1900000", "Defence,2024,Defence,Navy,75000");
        assertEquals("func1", result.mapping().subCategory().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aColumnNamedDepartmentStaysTheDepartmentBesideANumberedLooseLevelAsCoarse() {
        MappingResult result = map(List.of("Department", "Year", "Function 1", "Function 3", "Amount"),
                "Health,2024,Health,Hospitals,1250000", "Health,2024,Health,Clinics,98000",
                "Education,2024,Education,Primary,4500000", "Education,2024,Education,Secondary,230000",
                "Defence,2024,Defence,Army,1900000", "Defence,2024,Defence,Navy,75000");
        assertEquals("Department", result.mapping().department().column());
    }

    @Test
    void theOriginalBudgetIsChosenAmongSeveralAmountColumns() {
        MappingResult result = map(List.of("Department", "Year", "Adopted Budget", "Revised Budget", "Actual"),
                "Parks,2024,100,110,90", "Police,2024,200,190,210");
        assertEquals("Adopted Budget", result.mapping().amount().column());
        assertFalse(result.needsReview(), result.problems().toString());
    }

    @Test
    void aPeriodOnlyInTheTitleRowIsUsedAndSaid() throws IOException {
        FileContent file = FileContent.of("budget.csv", ("Operating budget FY2024\n\nDepartment,Category,Amount\n"
                + "Parks,Staff,100000\nPolice,Cars,250000\n").getBytes(StandardCharsets.UTF_8));
        TableLayout layout = TableReader.detect(file, ReadOptions.DEFAULT);
        MappingResult result = FileMapper.map(file, layout, MappingOptions.DEFAULT);
        assertFalse(result.needsReview(), result.problems().toString());
        assertNull(result.mapping().fiscalPeriod().column());
        assertEquals("FY2024", result.mapping().fiscalPeriod().fixed());
        assertTrue(result.mapping().fiscalPeriod().reason().contains("the title row 'Operating budget FY2024'"));
    }

    @Test
    void aCodeWrittenWithTheSameWordOnEveryRowGivesWayToItsLabelColumn() {
        // "Produktbereich 01": the word repeats on every row and says nothing; the names beside it are the level.
        MappingResult result = map(List.of("Produktbereich", "Produktbereichsname", "Jahr", "Betrag"),
                "Produktbereich 01,Innere Verwaltung,2018,342555", "Produktbereich 01,Innere Verwaltung,2018,1185",
                "Produktbereich 02,Sicherheit und Ordnung,2018,98000", "Produktbereich 02,Sicherheit und Ordnung,2018,4500",
                "Produktbereich 03,Schulträgeraufgaben,2018,710000", "Produktbereich 03,Schulträgeraufgaben,2018,2300");
        assertEquals("Produktbereichsname", result.mapping().department().column());
    }

    @Test
    void aColumnOfMoneyIsNoDepartmentWhateverItsHeaderSays() {
        // "AMT" is an amount abbreviation in English and an office (Amt) in German; values spread over orders of
        // magnitude are money, not anyone's name or code.
        MappingResult result = map(List.of("CITY", "ZAT_AMT", "LINE_NAME", "REP_PERIOD"),
                "Kyiv,111613362,Services,2021-01-31", "Kyiv,9829020040,Subsidies,2021-01-31",
                "Lviv,5301330,Water,2021-01-31", "Lviv,25433500.50,Construction,2021-01-31",
                "Odesa,470000,Loans,2021-01-31", "Odesa,15803800,Medicines,2021-01-31");
        assertTrue(result.mapping().department() == null
                        || !result.mapping().department().column().equals("ZAT_AMT"),
                result.mapping().department() == null ? "" : result.mapping().department().reason());
    }

    @Test
    void einzelplanAbbreviatedAndJurisdiccionNameTheDepartment() {
        MappingResult hamburg = map(List.of("ID", "EPL", "Betrag", "Berichtsjahr", "Werttyp"),
                "20317,Bürgerschaft,236258,2016,Ist", "20318,Bürgerschaft,10128980,2016,Plan",
                "20319,Finanzbehörde,5000,2016,Ist", "20320,Finanzbehörde,77000,2016,Plan");
        assertEquals("EPL", hamburg.mapping().department().column());
        MappingResult buenosAires = map(List.of("jurisdiccion", "finalidad", "monto"),
                "Legislatura,Administración Gubernamental,1510524467", "Jefatura De Gobierno,Servicios Sociales,254836502",
                "Ministerio De Salud,Servicios Sociales,15535529819", "Ministerio De Educación,Servicios Sociales,9800000");
        assertEquals("jurisdiccion", buenosAires.mapping().department().column());
    }

    @Test
    void yearsPrefixedWithTheirInitialAreBudgetColumnsOfAWideLayout() {
        MappingResult result = map(List.of("Ministry", "y2023", "y2024", "y2025"),
                "Eduskunta,137,146,148", "Puolustus,6401,5973,6527", "Opetus,7780,8041,8452");
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("y2023", "y2024", "y2025"), result.mapping().fiscalPeriod().columns());
    }

    @Test
    void aHistoricalSeriesOfYearsIsOneWideLayoutFromItsFirstYear() {
        MappingResult result = map(List.of("Department or other unit", "1976", "1977", "1988", "1989", "1990", "1991"),
                "Legislative Branch,936.0,1057.0,1687.0,1768.0,1703.0,1720.0",
                "Judicial Branch,346.0,431.0,823.0,904.0,1055.0,1045.0");
        assertEquals(Layout.WIDE, result.mapping().layout());
        assertEquals(List.of("1976", "1977", "1988", "1989", "1990", "1991"), result.mapping().fiscalPeriod().columns());
    }

    @Test
    void theNamesThatLieUnderTheDepartmentAreTheSubCategoryWhenNoHeaderNamesOne() {
        // "AB" names nothing the lexicon knows, but each of its values lies under one department: the next level.
        MappingResult result = map(List.of("Einzelplan", "AB", "Werttyp", "Jahr", "Betrag"),
                "Bürgerschaft,Bürgerschaftskanzlei,Ist,2016,236258", "Bürgerschaft,Bürgerschaftskanzlei,Plan,2016,10128980",
                "Bürgerschaft,Fraktionen,Ist,2016,5000", "Bürgerschaft,Fraktionen,Plan,2016,5200",
                "Finanzbehörde,Steuerverwaltung,Ist,2016,75000", "Finanzbehörde,Steuerverwaltung,Plan,2016,77000",
                "Finanzbehörde,Haushalt,Ist,2016,12000", "Finanzbehörde,Haushalt,Plan,2016,13000");
        assertEquals("Einzelplan", result.mapping().department().column());
        assertEquals("AB", result.mapping().subCategory().column());
        assertTrue(result.mapping().subCategory().reason().contains("lies under one 'Einzelplan'"),
                result.mapping().subCategory().reason());
    }

    @Test
    void namesThatDifferOnEveryRowAreLineItemsNotTheLevelBelowTheDepartment() {
        MappingResult result = map(List.of("Einzelplan", "Vorhaben", "Jahr", "Betrag"),
                "Bürgerschaft,Neue Stühle,2016,2300", "Bürgerschaft,Fenster Plenarsaal,2016,41000",
                "Bürgerschaft,Archivregale,2016,5000", "Finanzbehörde,Steuersoftware,2016,770000",
                "Finanzbehörde,Dienstwagen,2016,38000", "Finanzbehörde,Schulungen,2016,13000");
        assertEquals("Einzelplan", result.mapping().department().column());
        assertNull(result.mapping().subCategory(), String.valueOf(result.mapping().subCategory()));
    }

    private MappingResult map(List<String> headers, String... lines) {
        return mapper.map(headers, rows(lines), MappingOptions.DEFAULT);
    }

    private static List<DataRow> rows(String... lines) {
        return SampleRows.of(lines);
    }

    /** "department|period|amount" of the budget rows one line becomes. */
    private static List<String> normalised(MappingResult result, String line) {
        CollectingSink sink = new CollectingSink();
        new RowNormalizer(result.mapping(), NormalizeOptions.DEFAULT).normalize(rows(line).get(0), sink);
        return sink.rows().stream().map(r -> r.department() + "|" + r.period().canonical() + "|"
                + r.amount().stripTrailingZeros().toPlainString()).toList();
    }
}
