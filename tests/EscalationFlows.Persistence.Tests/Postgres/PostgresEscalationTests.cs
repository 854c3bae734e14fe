using EscalationFlows.Persistence.Tests.Scenarios;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Postgres;

public sealed class PostgresEscalationTests(PostgresFixture postgres) : EscalationScenarios(new PostgresTestDatabases(postgres));
