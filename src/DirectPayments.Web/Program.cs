using DirectPayments.Web.Platform.Hosting;

var app = WebApp.Build(args);
await app.RunAsync();

/// <summary>The web host's entry point; public so that tests can start it.</summary>
public partial class Program;
