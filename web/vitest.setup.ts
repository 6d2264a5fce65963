import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor poll up to 5 s instead of 1 s: on a loaded machine a render can take longer
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
