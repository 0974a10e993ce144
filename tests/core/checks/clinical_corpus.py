"""Ordinary clinical writing, as applicants write it, for the spelling tests and the benchmark.

Written for this project. The sentences were written the way a statement or a CV line reads,
before looking at which words the shipped lists contain, so a term missing from the lists
(or an inflection the vocabulary does not handle) shows up as a spelling finding. Each
sentence holds several drug, disease, procedure, lab, abbreviation, specialty or application
terms; :data:`TERMS` counts them.
"""

from __future__ import annotations

SENTENCES: tuple[str, ...] = (
    # Drugs, generic and brand
    "We started piperacillin-tazobactam and vancomycin, then narrowed to cefazolin.",
    "She was discharged on apixaban, metoprolol succinate and atorvastatin.",
    "He took lisinopril, amlodipine and hydrochlorothiazide for his hypertension.",
    "Empagliflozin and semaglutide lowered her HbA1c from 9.1 to 7.2.",
    "We switched warfarin to rivaroxaban after his INR was labile for months.",
    "I reviewed every patient on enoxaparin or heparin for thrombocytopenia.",
    "Ceftriaxone and azithromycin remain our first choice for community-acquired pneumonia.",
    "His levetiracetam level was low, so the neurologist added lacosamide.",
    "We tapered prednisone and started methotrexate and hydroxychloroquine.",
    "Furosemide and spironolactone controlled the ascites until paracentesis was needed.",
    "Patients asked whether Ozempic, Jardiance or Eliquis were covered by Medicaid.",
    "She had tried Zoloft and Lexapro before her psychiatrist prescribed bupropion.",
    "Naloxone kits and buprenorphine clinics cut opioid deaths in our county.",
    "I learned to dose insulin glargine and lispro on a sliding scale.",
    "Meropenem was reserved for ESBL organisms; fluconazole for candidemia.",
    "The pharmacist flagged amiodarone, digoxin and clarithromycin interactions.",
    "Pantoprazole and ondansetron were given before the esophagogastroduodenoscopy.",
    "Tenecteplase and alteplase are the thrombolytics our stroke team uses.",
    "Pembrolizumab and nivolumab caused colitis and hypothyroidism in two patients.",
    "Her nephrologist stopped metformin when her eGFR fell below 30.",
    # Diseases and syndromes
    "He presented with an NSTEMI and was admitted to the CCU for heparin.",
    "Her cholangiocarcinoma was found during an ERCP for choledocholithiasis.",
    "We managed diabetic ketoacidosis, hyperkalemia and acute kidney injury together.",
    "He had cirrhosis with hepatic encephalopathy, varices and spontaneous bacterial peritonitis.",
    "Sarcoidosis, tuberculosis and histoplasmosis explained his hilar lymphadenopathy.",
    "She had systemic lupus erythematosus with nephritis and antiphospholipid syndrome.",
    "The child had bronchiolitis from RSV and later Kawasaki disease.",
    "We saw myasthenia gravis, Guillain-Barré syndrome and status epilepticus in one month.",
    "His heart failure with reduced ejection fraction improved on sacubitril-valsartan.",
    "Preeclampsia, gestational diabetes and postpartum hemorrhage were common on L&D.",
    "Pyelonephritis, urosepsis and nephrolithiasis filled the urology consult list.",
    "He developed Clostridioides difficile colitis after clindamycin.",
    "She had diabetes mellitus, hyperlipidemia and peripheral arterial disease.",
    "I wrote a case report on pheochromocytoma presenting as Takotsubo cardiomyopathy.",
    "Osteomyelitis and cellulitis of the diabetic foot were weekly admissions.",
    "Schizophrenia, bipolar disorder and delirium were the most common psychiatry consults.",
    "Rhabdomyolysis and hyponatremia followed the marathon.",
    "The registry followed patients with COPD exacerbations and bronchiectasis.",
    # Procedures and imaging
    "I performed thoracentesis, paracentesis and lumbar punctures under supervision.",
    "Our POCUS course taught the eFAST exam and ultrasound-guided IV access.",
    "He needed a laparoscopic cholecystectomy and later an appendectomy.",
    "The echocardiogram showed a reduced LVEF, so he went for cardiac catheterization.",
    "She underwent a TAVR after her aortic stenosis worsened.",
    "The CT angiogram ruled out a PE, and the MRI showed a lacunar infarct.",
    "I assisted with intubation, central line placement and arterial lines in the MICU.",
    "We scheduled a colonoscopy and an EGD for iron-deficiency anemia.",
    "Hemodialysis, CRRT and plasmapheresis were run by the nephrology team.",
    "After the thyroidectomy she needed calcium and calcitriol.",
    "Bronchoscopy with bronchoalveolar lavage confirmed Pneumocystis pneumonia.",
    "The patient went from the ED to the SICU after an exploratory laparotomy.",
    # Labs and scores
    "His troponin, BNP and D-dimer were all elevated on arrival.",
    "Creatinine rose from 1.1 to 2.4 mg/dL, and the BUN doubled.",
    "We trended lactate, procalcitonin and CRP in every septic patient.",
    "Her TSH was suppressed and free T4 was high.",
    "The CBC showed neutropenia, and the CMP showed a low albumin.",
    "His ABG showed a metabolic acidosis with an anion gap of 22.",
    "We calculated CURB-65, Wells and CHA2DS2-VASc scores on rounds.",
    "Her ferritin, transferrin saturation and reticulocyte count pointed to iron deficiency.",
    "A1c, LDL and urine albumin-to-creatinine ratio were part of every diabetes visit.",
    "The NIHSS was 14, and the GCS was 12 on arrival.",
    # Abbreviations and settings
    "I rotated through the MICU, SICU, CVICU and NICU as a student.",
    "He had CHF, CKD, COPD and OSA, and was on BiPAP overnight.",
    "We treated DKA, HHS and SIADH on the same night float.",
    "The STEMI alert brought him to the cath lab within 40 minutes.",
    "She had HFpEF and AFib and was on a DOAC.",
    "Our QI project reduced CAUTI and CLABSI rates on the ward.",
    "I took histories, wrote H&Ps and presented during interdisciplinary rounds.",
    "He was made DNR and DNI after a goals-of-care meeting.",
    "We followed HIV, HCV and TB patients in the ID clinic.",
    "I volunteered at an FQHC that served uninsured patients.",
    # Specialties and practitioners
    "I worked with cardiologists, nephrologists and hospitalists on the step-down unit.",
    "The gastroenterologist and the hepatologist disagreed about the transplant referral.",
    "An intensivist and a pulmonologist taught me ventilator management.",
    "My mentor is a rheumatologist; my sister is an endocrinologist.",
    "Our team included a neurointensivist, an electrophysiologist and two physiatrists.",
    "I shadowed an otolaryngologist, an ophthalmologist and an anesthesiologist.",
    "Geriatrics, palliative care and hospice medicine shaped how I speak with families.",
    "Pulmonary and critical care is the fellowship I hope to pursue after residency.",
    # Exams, programs and the application
    "I passed USMLE Step 1 and scored 248 on Step 2 CK.",
    "My ECFMG certification arrived before ERAS opened.",
    "I received three SLOEs and two LoRs from U.S. attendings.",
    "The NRMP Match and SOAP week were the most stressful days of my year.",
    "I completed an observership, an externship and a preceptorship in Texas.",
    "A sub-internship in nephrology gave me USCE and a strong letter.",
    "I will need a J-1 visa sponsored by ECFMG, or an H-1B.",
    "As a PGY-1 I hope to join the residency's QI committee.",
    "I passed the OET and the USMLE Step 3 before applying.",
    "My MSPE and CV list two first-author publications and a poster.",
    "I joined a telehealth program that reduced readmissions for heart failure.",
    "Telemedicine visits helped our patients with COVID-19 stay at home.",
    "I studied pathophysiology with UWorld and NBME practice forms.",
    "I presented my abstract at the ACP chapter meeting and at SHM.",
    "Our team ran a retrospective cohort study with REDCap and Stata.",
    "The curriculum had didactics, journal club and morbidity and mortality conferences.",
    "I taught medical students during their clerkships and sub-internships.",
    "After my internship I became a research fellow in hematology-oncology.",
    "We compared DOACs with LMWH for cancer-associated thrombosis.",
    "Handoffs and discharge summaries improved after our I-PASS training.",
)

def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: The clinical terms those sentences contain (a check that the corpus is big enough).
TERMS: tuple[str, ...] = _split(
    """piperacillin-tazobactam vancomycin cefazolin apixaban metoprolol succinate atorvastatin
    lisinopril amlodipine hydrochlorothiazide hypertension empagliflozin semaglutide HbA1c warfarin
    rivaroxaban INR enoxaparin heparin thrombocytopenia ceftriaxone azithromycin community-acquired
    pneumonia levetiracetam neurologist lacosamide prednisone methotrexate hydroxychloroquine
    furosemide spironolactone ascites paracentesis Ozempic Jardiance Eliquis Medicaid Zoloft
    Lexapro psychiatrist bupropion naloxone buprenorphine opioid glargine lispro meropenem ESBL
    fluconazole candidemia pharmacist amiodarone digoxin clarithromycin pantoprazole ondansetron
    esophagogastroduodenoscopy tenecteplase alteplase thrombolytics pembrolizumab nivolumab colitis
    hypothyroidism nephrologist metformin eGFR NSTEMI CCU cholangiocarcinoma ERCP
    choledocholithiasis ketoacidosis hyperkalemia cirrhosis encephalopathy varices peritonitis
    sarcoidosis tuberculosis histoplasmosis hilar lymphadenopathy lupus erythematosus nephritis
    antiphospholipid bronchiolitis RSV Kawasaki myasthenia gravis Guillain-Barré epilepticus
    sacubitril-valsartan preeclampsia gestational postpartum hemorrhage pyelonephritis urosepsis
    nephrolithiasis urology Clostridioides difficile clindamycin mellitus hyperlipidemia
    pheochromocytoma Takotsubo cardiomyopathy osteomyelitis cellulitis schizophrenia bipolar
    delirium rhabdomyolysis hyponatremia COPD bronchiectasis thoracentesis POCUS eFAST
    laparoscopic cholecystectomy appendectomy echocardiogram LVEF catheterization TAVR stenosis
    angiogram MRI lacunar infarct intubation MICU colonoscopy EGD anemia hemodialysis CRRT
    plasmapheresis thyroidectomy calcitriol bronchoscopy bronchoalveolar Pneumocystis SICU
    laparotomy troponin BNP D-dimer creatinine BUN lactate procalcitonin CRP TSH neutropenia CMP
    ABG acidosis CURB-65 CHA2DS2-VASc ferritin transferrin reticulocyte A1c LDL NIHSS GCS CVICU
    NICU CHF CKD OSA BiPAP DKA HHS SIADH STEMI HFpEF AFib DOAC QI CAUTI CLABSI interdisciplinary
    DNR DNI HIV HCV FQHC cardiologists nephrologists hospitalists step-down gastroenterologist
    hepatologist intensivist pulmonologist rheumatologist endocrinologist neurointensivist
    electrophysiologist physiatrists otolaryngologist ophthalmologist anesthesiologist geriatrics
    palliative hospice fellowship USMLE ECFMG ERAS SLOEs LoRs attendings NRMP SOAP observership
    externship preceptorship sub-internship USCE J-1 H-1B PGY-1 OET MSPE first-author telehealth
    readmissions telemedicine COVID-19 pathophysiology UWorld NBME ACP SHM REDCap Stata didactics
    clerkships sub-internships hematology-oncology DOACs LMWH handoffs I-PASS"""
)

#: Real words a general dictionary lacks, with the harmful "fix" it offered (issue 15).
HARMFUL_FIXES: dict[str, str] = {
    "pathophysiology": "psychophysiology",
    "creatinine": "creatine",
    "telehealth": "telepath",
    "readmissions": "read missions",
    "piperacillin": "penicillin",
    "preceptorship": "preceptors",
    "SLOEs": "sloes",
    "HbA1c": "Ha",
    "eGFR": "eager",
    "troponin": "tropic",
    "NSTEMI": "Semi",
    "MICU": "Mic",
    "POCUS": "Pocks",
    "cholangiocarcinoma": "",
}

#: Names and places an IMG's statement is full of (issue 15 and the fixture statements).
NAMES: tuple[str, ...] = (
    "Łukasz",
    "Çağrı",
    "Öztürk",
    "Shubra",
    "Abdelrahman",
    "Ñuñez",
    "Nguyễn",
    "Onitsha",
    "Nsukka",
    "Hrytsenko",
    "Szczepańska",
)

#: Ordinary misspellings that must stay flagged: (sentence, misspelling, the fix offered).
TYPOS: tuple[tuple[str, str, str], ...] = (
    ("I hope to recieve your reply.", "recieve", "receive"),
    ("I definately want to train there.", "definately", "definitely"),
    ("I learned alot on the wards.", "alot", "a lot"),
    ("The error occured at night.", "occured", "occurred"),
    ("We kept a seperate list.", "seperate", "separate"),
    ("I beleive in teamwork.", "beleive", "believe"),
    ("The enviroment was busy.", "enviroment", "environment"),
    ("I took responsability for the list.", "responsability", "responsibility"),
    ("My experiance in the clinic was rich.", "experiance", "experience"),
    ("I am commited to primary care.", "commited", "committed"),
    ("The pateint was stable.", "pateint", "patient"),
    ("I worked in the hospitol for a year.", "hospitol", "hospital"),
)
