using EscalationFlows.Persistence.Tests.Scenarios;
using EscalationFlows.Persistence.Tests.Support;

namespace EscalationFlows.Persistence.Tests.Sqlite;

public sealed class SqliteEscalationTests(SqliteTemplateFixture sqlite) : EscalationScenarios(sqlite);
