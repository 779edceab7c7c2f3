import { newsloomTsup } from '../../tsup.base';

export default newsloomTsup();
