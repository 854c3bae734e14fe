using Microsoft.Extensions.Logging;

namespace EscalationFlows.Server.Tests.Support;

public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
