-- Policy versions get the kinds of the migration toolkit: playbook_promotion (graduation promote) and
-- playbook_onboarding (playbooks onboard), beside policy and calibration. Only the CHECK constraint widens: existing
-- rows keep their kind and number.
ALTER TABLE policy_versions DROP CONSTRAINT policy_versions_kind_check;
ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_kind_check
    CHECK (kind IN ('policy', 'calibration', 'playbook_promotion', 'playbook_onboarding'));
