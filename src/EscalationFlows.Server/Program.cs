using EscalationFlows.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEscalationFlowsServer();

var app = builder.Build();
await app.PrepareEscalationFlowsAsync();
app.UseEscalationFlows();
return await app.RunEscalationFlowsAsync();

/// <summary>The entry point; public so tests can host the server with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
