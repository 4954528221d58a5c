//! The kinds of entities and relations, and the schema of which relation may join which entities.

use serde::{Deserialize, Serialize};

/// What an entity is. The order here is the order of the browser's groups and the charts' bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Enterprise,
    /// An organisation that has members: an industry alliance, an association.
    Alliance,
    Fund,
    /// A university, research centre, school or media outlet.
    Institution,
    Government,
    /// A recurring conference with editions.
    Event,
    /// A document: a notice, a plan, a list, an agreement.
    Policy,
    /// A town, valley, park, street, campus, road… Places nest.
    Place,
    Person,
}

impl EntityKind {
    pub const ALL: [EntityKind; 9] = [
        Self::Enterprise,
        Self::Alliance,
        Self::Fund,
        Self::Institution,
        Self::Government,
        Self::Event,
        Self::Policy,
        Self::Place,
        Self::Person,
    ];

    /// Organisations: the entities that can act (found, invest, partner, join).
    pub fn is_organisation(self) -> bool {
        matches!(
            self,
            Self::Enterprise | Self::Alliance | Self::Fund | Self::Institution | Self::Government
        )
    }
}

/// How two entities are related. `from` does this to `to`: a fund *invests in* an enterprise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelationKind {
    MemberOf,
    Founded,
    CoFounded,
    InvestsIn,
    Sponsors,
    PartnersWith,
    Serves,
    LocatedIn,
    PartOf,
    Hosts,
    Supports,
    Issued,
    Recognises,
    Visited,
    PredecessorOf,
    Leads,
    /// A party to an agreement (which is signed, not issued).
    Signed,
    /// An honorary title, such as an honorary town head: no office is held.
    HonoraryHeadOf,
}

use EntityKind as E;

const ORGS: &[EntityKind] = &[
    E::Enterprise,
    E::Alliance,
    E::Fund,
    E::Institution,
    E::Government,
];
const ORGS_AND_PEOPLE: &[EntityKind] = &[
    E::Enterprise,
    E::Alliance,
    E::Fund,
    E::Institution,
    E::Government,
    E::Person,
];
const ANYTHING_BUT_POLICY: &[EntityKind] = &[
    E::Enterprise,
    E::Alliance,
    E::Fund,
    E::Institution,
    E::Government,
    E::Event,
    E::Place,
    E::Person,
];
const ALL: &[EntityKind] = &EntityKind::ALL;

impl RelationKind {
    pub const ALL: [RelationKind; 18] = [
        Self::MemberOf,
        Self::Founded,
        Self::CoFounded,
        Self::InvestsIn,
        Self::Sponsors,
        Self::PartnersWith,
        Self::Serves,
        Self::LocatedIn,
        Self::PartOf,
        Self::Hosts,
        Self::Supports,
        Self::Issued,
        Self::Recognises,
        Self::Visited,
        Self::PredecessorOf,
        Self::Leads,
        Self::Signed,
        Self::HonoraryHeadOf,
    ];

    /// The entity kinds this relation may start from and end at.
    pub fn schema(self) -> (&'static [EntityKind], &'static [EntityKind]) {
        match self {
            Self::MemberOf => (ORGS_AND_PEOPLE, &[E::Alliance, E::Government]),
            Self::Founded | Self::CoFounded => (
                ORGS_AND_PEOPLE,
                &[
                    E::Enterprise,
                    E::Alliance,
                    E::Fund,
                    E::Institution,
                    E::Event,
                    E::Place,
                ],
            ),
            Self::InvestsIn => (
                &[E::Fund, E::Enterprise, E::Government, E::Person],
                &[E::Enterprise, E::Fund, E::Institution, E::Place],
            ),
            Self::Sponsors => (ORGS_AND_PEOPLE, &[E::Event, E::Institution, E::Alliance]),
            Self::PartnersWith => (ORGS, ORGS),
            Self::Serves => (ORGS, &[E::Enterprise, E::Person, E::Place, E::Institution]),
            Self::LocatedIn => (ANYTHING_BUT_POLICY, &[E::Place]),
            Self::PartOf => (
                &[
                    E::Place,
                    E::Institution,
                    E::Government,
                    E::Enterprise,
                    E::Fund,
                ],
                &[
                    E::Place,
                    E::Institution,
                    E::Government,
                    E::Enterprise,
                    E::Policy,
                ],
            ),
            Self::Hosts => (
                &[E::Place, E::Enterprise, E::Government, E::Institution],
                &[E::Event],
            ),
            Self::Supports => (
                &[
                    E::Government,
                    E::Policy,
                    E::Enterprise,
                    E::Fund,
                    E::Alliance,
                    E::Institution,
                    E::Person,
                ],
                ANYTHING_BUT_POLICY,
            ),
            Self::Issued => (&[E::Government, E::Institution, E::Alliance], &[E::Policy]),
            Self::Recognises => (&[E::Government, E::Policy], ANYTHING_BUT_POLICY),
            Self::Visited => (
                ORGS_AND_PEOPLE,
                &[E::Place, E::Enterprise, E::Institution, E::Event],
            ),
            Self::PredecessorOf => (ALL, ALL),
            Self::Signed => (ORGS_AND_PEOPLE, &[E::Policy]),
            Self::Leads | Self::HonoraryHeadOf => (
                &[E::Person],
                &[
                    E::Enterprise,
                    E::Alliance,
                    E::Fund,
                    E::Institution,
                    E::Government,
                    E::Place,
                    E::Event,
                ],
            ),
        }
    }

    /// Whether this relation may join an entity of kind `from` to one of kind `to`.
    pub fn allows(self, from: EntityKind, to: EntityKind) -> bool {
        let (froms, tos) = self.schema();
        froms.contains(&from) && tos.contains(&to)
    }

    /// Whether the order of the two ends matters (drawn with an arrow).
    pub fn is_directed(self) -> bool {
        !matches!(self, Self::PartnersWith)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_follows_the_domain() {
        assert!(RelationKind::InvestsIn.allows(E::Fund, E::Enterprise));
        assert!(!RelationKind::InvestsIn.allows(E::Place, E::Enterprise));
        assert!(RelationKind::LocatedIn.allows(E::Place, E::Place));
        assert!(!RelationKind::LocatedIn.allows(E::Enterprise, E::Enterprise));
        assert!(RelationKind::Issued.allows(E::Government, E::Policy));
        assert!(!RelationKind::Issued.allows(E::Person, E::Policy));
        assert!(RelationKind::Leads.allows(E::Person, E::Place));
    }

    #[test]
    fn every_relation_kind_joins_something() {
        for kind in RelationKind::ALL {
            let (from, to) = kind.schema();
            assert!(!from.is_empty() && !to.is_empty(), "{kind:?}");
        }
    }
}
