-- What the candidate query of ScreeningSearch saw for each stored party name key, so that after a list update a
-- party can be matched against the changed entries only (RescreeningScope) when that is exactly what a full
-- re-screening would find:
--   candidate_names  listed names that passed the candidate test, up to the limit (150) plus one; 151 means the limit
--                    cut some off, and then
--   cutoff_rank,     the rank (greatest of similarity and word similarity) and the name id of the last candidate kept
--   cutoff_name_id   (candidates are ranked by rank, then name id).
-- NULL: not known (keys stored before this column existed): such a party is searched in full when a change concerns it.
ALTER TABLE screening_party_key
    ADD COLUMN candidate_names integer CHECK (candidate_names >= 0),
    ADD COLUMN cutoff_rank     real,
    ADD COLUMN cutoff_name_id  bigint,
    ADD CHECK ((cutoff_rank IS NULL) = (cutoff_name_id IS NULL));
