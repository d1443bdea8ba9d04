Console.Out.WriteLine("AppHost: the local environment (arrives with the environment issue).");
return 0;
