namespace Integration;
