-- Bill tracker (issue 6): members of Congress and committees, from congress-legislators YAML and bill data.
CREATE TABLE congress_member (
    bioguide_id   text        PRIMARY KEY CHECK (bioguide_id ~ '^[A-Z][0-9]{6}$'),
    first_name    text        CHECK (length(first_name) <= 100),
    last_name     text        NOT NULL CHECK (length(btrim(last_name)) BETWEEN 1 AND 100),
    full_name     text        NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
    party         text        CHECK (party ~ '^[A-Z]{1,3}$'),
    state         text        CHECK (state ~ '^[A-Z]{2}$'),
    district      integer     CHECK (district BETWEEN 0 AND 99),
    chamber       text        CHECK (chamber IN ('Senate', 'House')),
    -- 'legislators' when the congress-legislators files described the member, 'bill' when only a bill named them
    source        text        NOT NULL CHECK (source IN ('legislators', 'bill')),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX congress_member_name_idx ON congress_member (lower(last_name), lower(first_name));

CREATE TABLE member_term (
    bioguide_id   text    NOT NULL REFERENCES congress_member (bioguide_id) ON DELETE CASCADE,
    chamber       text    NOT NULL CHECK (chamber IN ('Senate', 'House')),
    start_date    date    NOT NULL,
    end_date      date,
    state         text    NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
    district      integer CHECK (district BETWEEN 0 AND 99),
    party         text,
    PRIMARY KEY (bioguide_id, chamber, start_date),
    CHECK (end_date IS NULL OR end_date >= start_date)
);

-- thomas_id from committees-current.yaml (SSBK; subcommittees SSBK12). system_code is the bill data's spelling (ssbk00).
CREATE TABLE committee (
    code          text PRIMARY KEY CHECK (code ~ '^[A-Z]{4}[0-9]{0,2}$'),
    system_code   text NOT NULL UNIQUE CHECK (system_code ~ '^[a-z]{4}[0-9]{2}$'),
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
    chamber       text NOT NULL CHECK (chamber IN ('Senate', 'House', 'Joint')),
    parent_code   text REFERENCES committee (code)
);

CREATE TABLE committee_seat (
    committee_code text    NOT NULL REFERENCES committee (code) ON DELETE CASCADE,
    bioguide_id    text    NOT NULL REFERENCES congress_member (bioguide_id) ON DELETE CASCADE,
    side           text    CHECK (side IN ('majority', 'minority')),
    rank           integer CHECK (rank > 0),
    title          text    CHECK (length(title) <= 100),
    PRIMARY KEY (committee_code, bioguide_id)
);
CREATE INDEX committee_seat_member_idx ON committee_seat (bioguide_id);
