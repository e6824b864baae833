"""The personal-data labels (DESIGN.md) and their Dutch redaction placeholders."""

PII_LABELS = (
    "PERSON",
    "PHONE",
    "EMAIL",
    "ADDRESS",
    "POSTCODE",
    "BSN",
    "IBAN",
    "HANDLE",
    "PROFILE_URL",
    "DATE_OF_BIRTH",
    "STUDENT_ID",
    "LICENSE_PLATE",
)

PLACEHOLDERS = {
    "PERSON": "[NAAM]",
    "PHONE": "[TELEFOON]",
    "EMAIL": "[E-MAIL]",
    "ADDRESS": "[ADRES]",
    "POSTCODE": "[POSTCODE]",
    "BSN": "[BSN]",
    "IBAN": "[IBAN]",
    "HANDLE": "[ACCOUNT]",
    "PROFILE_URL": "[PROFIEL-URL]",
    "DATE_OF_BIRTH": "[GEBOORTEDATUM]",
    "STUDENT_ID": "[LEERLINGNUMMER]",
    "LICENSE_PLATE": "[KENTEKEN]",
}
